package cn.gov.zhuzhou.duban.publication;

import cn.gov.zhuzhou.duban.common.audit.AuditView;
import cn.gov.zhuzhou.duban.common.audit.CurrentActor;
import cn.gov.zhuzhou.duban.common.document.DocumentSpec;
import cn.gov.zhuzhou.duban.common.error.ConflictException;
import cn.gov.zhuzhou.duban.common.error.InvalidRequestException;
import cn.gov.zhuzhou.duban.common.error.NotFoundException;
import cn.gov.zhuzhou.duban.common.error.StaleVersionException;
import cn.gov.zhuzhou.duban.common.paging.Page;
import cn.gov.zhuzhou.duban.common.paging.PageQuery;
import cn.gov.zhuzhou.duban.common.persistence.ReadOnlyTransaction;
import cn.gov.zhuzhou.duban.common.security.Caller;
import cn.gov.zhuzhou.duban.common.security.Roles;
import cn.gov.zhuzhou.duban.events.Audience;
import cn.gov.zhuzhou.duban.events.DomainEvents;
import cn.gov.zhuzhou.duban.events.EventType;
import cn.gov.zhuzhou.duban.plan.PlanService;
import cn.gov.zhuzhou.duban.publication.PublicationViews.Scope;
import cn.gov.zhuzhou.duban.unit.UnitService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The publishing lifecycle, the same for every kind (annex 2, rule 8; main text 三.(三)): the office generates a
 * draft from the data as it stood at the end of the period, edits its prose and publishes it; a published text is
 * frozen (read back exactly as stored) and can only be superseded by a correction that points to it and says why.
 * Who reads what is decided here, once: the office everything, leaders and supervisors what was published, a unit
 * its own lines, a partner city the shared-task part.
 */
@ApplicationScoped
public class PublicationService {

    private static final List<PublicationStatus> EVERY_STATUS = List.of(PublicationStatus.values());
    private static final List<PublicationStatus> PUBLISHED_ONES = List.of(PublicationStatus.PUBLISHED, PublicationStatus.SUPERSEDED);

    private final PublicationRepository publications;
    private final Instance<PublicationContent<?>> contents;
    private final PlanService plans;
    private final UnitService units;
    private final Caller caller;
    private final CurrentActor actor;
    private final Clock clock;
    private final ObjectMapper json;

    PublicationService(PublicationRepository publications, @Any Instance<PublicationContent<?>> contents, PlanService plans,
            UnitService units, Caller caller, CurrentActor actor, Clock clock, ObjectMapper json) {
        this.publications = publications;
        this.contents = contents;
        this.plans = plans;
        this.units = units;
        this.caller = caller;
        this.actor = actor;
        this.clock = clock;
        this.json = json;
    }

    /**
     * A new draft of {@code kind} for a plan and a period that has ended, with the figures as they stood at the end of
     * its last day. At most one draft or published text per kind, plan and period: a second is a 409 (a published
     * one is corrected, not generated again).
     */
    @Transactional
    public PublicationViews.View generate(PublicationViews.Create r) {
        PublicationPeriod period = PublicationPeriod.parse(r.kind(), r.period());
        requirePlan(r.planId());
        LocalDate today = LocalDate.now(clock);
        if (!period.end().isBefore(today)) {
            throw new InvalidRequestException("period", "期间 " + period.text() + " 尚未结束（截至 " + period.end() + "），结束后才能生成");
        }
        String key = Publication.key(r.kind(), r.planId(), period.text());
        publications.live(key).stream().findFirst().ifPresent(existing -> {
            throw new ConflictException(period.text() + " " + r.kind().displayName() + "已有" + (existing.getStatus() == PublicationStatus.DRAFT
                    ? "草稿（" + existing.getId() + "），请修改后发布" : "发布稿（" + existing.getId() + "），如需更正请提出更正"));
        });
        Publication p = new Publication(r.kind(), r.planId(), period, figures(r.kind(), r.planId(), period));
        persistUnique(p, key);
        step(p, null, "生成草稿");
        return view(p);
    }

    @ReadOnlyTransaction
    public Page<PublicationViews.Summary> search(PublicationKind kind, String period, Long planId, PublicationStatus status, PageQuery page) {
        List<PublicationStatus> readable = caller.has(Roles.OFFICE) ? EVERY_STATUS : PUBLISHED_ONES;
        List<PublicationStatus> statuses = status == null ? readable : readable.stream().filter(s -> s == status).toList();
        if (statuses.isEmpty()) {
            return Page.of(List.of(), page, 0);
        }
        var filter = new PublicationRepository.Filter(kind, period == null || period.isBlank() ? null : period.strip(), planId, statuses);
        return Page.of(publications.summaries(filter, page.offset(), page.size), page,
                publications.countMatching(filter));
    }

    @ReadOnlyTransaction
    public PublicationViews.View get(long id) {
        return view(requireReadable(id));
    }

    @ReadOnlyTransaction
    public List<PublicationViews.Event> history(long id) {
        requireReadable(id);
        return publications.eventsOf(id).stream().map(PublicationViews.Event::of).toList();
    }

    /** The office rewrites a draft's prose; a published or superseded text is never edited (409 naming its state). */
    @Transactional
    public PublicationViews.View editProse(long id, PublicationViews.Prose r) {
        Publication p = require(id);
        StaleVersionException.requireCurrent(Publication.WHAT, id, r.version(), p.getVersion());
        p.editProse(blankToNull(r.opening()), blankToNull(r.highlights()), blankToNull(r.nextSteps()));
        publications.flush();
        step(p, PublicationStatus.DRAFT, "修改文稿");
        return view(p);
    }

    /**
     * Publishes a draft; a correction, once published, supersedes the text it corrects (history on both). Publishing
     * twice is a 409.
     */
    @Transactional
    public PublicationViews.View publish(long id, PublicationViews.Publish r) {
        Publication p = require(id);
        StaleVersionException.requireCurrent(Publication.WHAT, id, r.version(), p.getVersion());
        String why = "发布";
        if (p.getCorrects() != null) {
            Publication old = require(p.getCorrects());
            old.supersede();
            publications.flush(); // frees the published key before the correction takes it
            step(old, PublicationStatus.PUBLISHED, "被更正稿（" + p.getId() + "）取代：" + p.getCorrectionReason());
            why = "发布更正稿（更正 " + old.getId() + "）：" + p.getCorrectionReason();
        }
        p.publish(now(), actor.name(), actor.displayName());
        publications.flush();
        step(p, PublicationStatus.DRAFT, why);
        return DomainEvents.record(EventType.PUBLICATION_PUBLISHED, id, view(p), v -> Audience.staffOnly());
    }

    /**
     * A correction of a published text: a new draft with the figures generated afresh and the prose copied, pointing
     * to it with the reason. Only one correction draft at a time.
     */
    @Transactional
    public PublicationViews.View correct(long id, PublicationViews.Correction r) {
        Publication old = require(id);
        StaleVersionException.requireCurrent(Publication.WHAT, id, r.version(), old.getVersion());
        String reason = r.reason().strip();
        String key = Publication.key(old.getKind(), old.getPlanId(), old.getPeriod());
        PublicationPeriod period = PublicationPeriod.parse(old.getKind(), old.getPeriod());
        Publication correction = old.correction(reason, () -> {
            publications.draftFor(key).ifPresent(d -> {
                throw new ConflictException(Publication.WHAT + " " + id + " 已有更正草稿（" + d.getId() + "），请修改后发布");
            });
            return figures(old.getKind(), old.getPlanId(), period);
        });
        persistUnique(correction, key);
        step(correction, null, "更正 " + id + "：" + reason);
        step(old, PublicationStatus.PUBLISHED, "提出更正（更正稿 " + correction.getId() + "）：" + reason);
        return view(correction);
    }

    /** The document of a publication as the caller may read it, described format-free. */
    @ReadOnlyTransaction
    public DocumentSpec document(long id) {
        Publication p = requireReadable(id);
        return documentOf(p, content(p.getKind()));
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private <C> DocumentSpec documentOf(Publication p, PublicationContent<C> c) {
        return c.document(PublicationContent.PublicationHeader.of(p), scoped(c, read(c, p.getContent())));
    }

    private String figures(PublicationKind kind, long planId, PublicationPeriod period) {
        return write(generated(content(kind), kind, planId, period));
    }

    private static <C> C generated(PublicationContent<C> c, PublicationKind kind, long planId, PublicationPeriod period) {
        return c.generate(kind, planId, period);
    }

    private PublicationContent<?> content(PublicationKind kind) {
        return contents.stream().filter(c -> c.kinds().contains(kind)).findFirst()
                .orElseThrow(() -> new InvalidRequestException("kind", kind.displayName() + "暂不能生成"));
    }

    private void persistUnique(Publication p, String key) {
        try {
            publications.persist(p);
            publications.flush();
        } catch (org.hibernate.exception.ConstraintViolationException e) {
            throw new ConflictException(key.replace('|', ' ') + " 已有草稿或发布稿");
        }
    }

    private void step(Publication p, PublicationStatus from, String why) {
        publications.record(new PublicationEvent(p, from, why, now(), actor.name(), actor.displayName()));
    }

    private void requirePlan(long planId) {
        try {
            plans.getPlan(planId);
        } catch (NotFoundException e) {
            throw new InvalidRequestException("planId", "方案 " + planId + " 不存在");
        }
    }

    private Publication require(long id) {
        return publications.findByIdOptional(id).orElseThrow(() -> new NotFoundException(Publication.WHAT, id));
    }

    /** The office reads drafts too; everyone else only what was published (a draft is 404 to them). */
    private Publication requireReadable(long id) {
        Publication p = require(id);
        if (p.getStatus() == PublicationStatus.DRAFT && !caller.has(Roles.OFFICE)) {
            throw new NotFoundException(Publication.WHAT, id);
        }
        return p;
    }

    /** The one place that decides how much of the figures a caller reads. */
    private Scope scope() {
        if (caller.has(Roles.OFFICE) || caller.has(Roles.LEADER) || caller.has(Roles.SUPERVISOR)) {
            return Scope.FULL;
        }
        return caller.has(Roles.UNIT) ? Scope.UNIT : Scope.SHARED_TASKS;
    }

    private <C> C scoped(PublicationContent<C> c, C figures) {
        return switch (scope()) {
            case FULL -> figures;
            case UNIT -> c.forUnit(figures, units.callersUnit().getId());
            case SHARED_TASKS -> c.forPartner(figures);
        };
    }

    private PublicationViews.View view(Publication p) {
        Scope scope = scope();
        String content = scope == Scope.FULL ? p.getContent() : scopedJson(content(p.getKind()), p.getContent());
        return new PublicationViews.View(p.getId(), p.getKind(), p.getPlanId(), p.getPeriod(), p.getPeriodStart(), p.getAsOf(),
                p.getStatus(), scope, content, p.getOpening(), p.getHighlights(), p.getNextSteps(), p.getCorrects(),
                p.getCorrectionReason(), publications.correctedBy(p.getId()).orElse(null), PublicationViews.at(p.getPublishedAt()),
                p.getPublishedBy(), p.getPublishedByName(), p.getVersion(), AuditView.of(p.getAudit()));
    }

    private <C> String scopedJson(PublicationContent<C> c, String stored) {
        return write(scoped(c, read(c, stored)));
    }

    private <C> C read(PublicationContent<C> c, String stored) {
        try {
            return json.readValue(stored, c.type());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored figures do not read as " + c.type().getSimpleName(), e);
        }
    }

    private String write(Object figures) {
        try {
            return json.writeValueAsString(figures);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("figures do not serialize", e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
