package cn.gov.zhuzhou.duban.publication;

import cn.gov.zhuzhou.duban.common.audit.Audit;
import cn.gov.zhuzhou.duban.common.audit.AuditListener;
import cn.gov.zhuzhou.duban.common.audit.Audited;
import cn.gov.zhuzhou.duban.common.error.IllegalTransitionException;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One bulletin, brief, summary or assessment of a plan for a period (annex 2, rule 8), and its lifecycle:
 * DRAFT (the office edits the prose) -> PUBLISHED (frozen: figures and prose never change again) -> SUPERSEDED
 * (a published correction replaced it). A correction is a new draft that points to the publication it corrects and
 * says why. The figures are JSON text, written once when the draft is generated.
 */
@Entity
@EntityListeners(AuditListener.class)
public class Publication implements Audited {

    static final String WHAT = "发布稿";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    private PublicationKind kind;
    private Long planId;
    private String period;
    private LocalDate periodStart;
    private LocalDate asOf;
    @Enumerated(EnumType.STRING)
    private PublicationStatus status = PublicationStatus.DRAFT;
    /** "kind|plan|period" while DRAFT, else null: one draft per kind, plan and period (unique in the database). */
    private String draftKey;
    /** "kind|plan|period" while PUBLISHED, else null: one published per kind, plan and period. */
    private String publishedKey;
    private String content;
    private String opening;
    private String highlights;
    private String nextSteps;
    @Column(name = "corrects_id")
    private Long corrects;
    private String correctionReason;
    private Instant publishedAt;
    private String publishedBy;
    private String publishedByName;
    @Version
    private long version;
    @Embedded
    private Audit audit = new Audit();

    protected Publication() {
    }

    /** A new draft of {@code kind} for {@code period} with the figures generated for it. */
    public Publication(PublicationKind kind, long planId, PublicationPeriod period, String content) {
        this.kind = kind;
        this.planId = planId;
        this.period = period.text();
        this.periodStart = period.start();
        this.asOf = period.end();
        this.content = content;
        this.draftKey = key();
    }

    /** The key of kind, plan and period: at most one draft and one published row each. */
    public static String key(PublicationKind kind, long planId, String period) {
        return kind.name() + "|" + planId + "|" + period;
    }

    private String key() {
        return key(kind, planId, period);
    }

    /** The office rewrites the prose (opening, highlights, next steps) of a draft; a published text never changes. */
    public void editProse(String opening, String highlights, String nextSteps) {
        requireStatus(PublicationStatus.DRAFT, "修改文稿");
        this.opening = opening;
        this.highlights = highlights;
        this.nextSteps = nextSteps;
    }

    /** Freezes the draft: from now on its figures and prose are read as stored, never recomputed or edited. */
    public void publish(Instant at, String by, String byName) {
        requireStatus(PublicationStatus.DRAFT, "发布");
        status = PublicationStatus.PUBLISHED;
        draftKey = null;
        publishedKey = key();
        publishedAt = at;
        publishedBy = by;
        publishedByName = byName;
    }

    /**
     * A correction of this published text: a new draft with fresh figures that copies the prose, points here and
     * says why. This stays PUBLISHED until the correction is published.
     */
    public Publication correction(String reason, java.util.function.Supplier<String> freshContent) {
        requireStatus(PublicationStatus.PUBLISHED, "更正");
        Publication c = new Publication(kind, planId, new PublicationPeriod(kind, period, periodStart, asOf), freshContent.get());
        c.opening = opening;
        c.highlights = highlights;
        c.nextSteps = nextSteps;
        c.corrects = id;
        c.correctionReason = reason;
        return c;
    }

    /** Replaced by its published correction. */
    public void supersede() {
        requireStatus(PublicationStatus.PUBLISHED, "被更正稿取代");
        status = PublicationStatus.SUPERSEDED;
        publishedKey = null;
    }

    private void requireStatus(PublicationStatus required, String action) {
        if (status != required) {
            throw new IllegalTransitionException(WHAT, id, status, action);
        }
    }

    public Long getId() {
        return id;
    }

    public PublicationKind getKind() {
        return kind;
    }

    public Long getPlanId() {
        return planId;
    }

    public String getPeriod() {
        return period;
    }

    public LocalDate getPeriodStart() {
        return periodStart;
    }

    public LocalDate getAsOf() {
        return asOf;
    }

    public PublicationStatus getStatus() {
        return status;
    }

    public String getContent() {
        return content;
    }

    public String getOpening() {
        return opening;
    }

    public String getHighlights() {
        return highlights;
    }

    public String getNextSteps() {
        return nextSteps;
    }

    public Long getCorrects() {
        return corrects;
    }

    public String getCorrectionReason() {
        return correctionReason;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public String getPublishedBy() {
        return publishedBy;
    }

    public String getPublishedByName() {
        return publishedByName;
    }

    String getDraftKey() {
        return draftKey;
    }

    String getPublishedKey() {
        return publishedKey;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public Audit getAudit() {
        return audit;
    }
}
