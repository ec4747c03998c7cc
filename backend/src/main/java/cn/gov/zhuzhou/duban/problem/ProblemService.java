package cn.gov.zhuzhou.duban.problem;

import cn.gov.zhuzhou.duban.common.persistence.IdLists;
import cn.gov.zhuzhou.duban.common.persistence.ReadOnlyTransaction;
import cn.gov.zhuzhou.duban.common.audit.CurrentActor;
import cn.gov.zhuzhou.duban.common.error.ForbiddenException;
import cn.gov.zhuzhou.duban.common.error.IllegalTransitionException;
import cn.gov.zhuzhou.duban.common.error.InvalidRequestException;
import cn.gov.zhuzhou.duban.common.error.NotFoundException;
import cn.gov.zhuzhou.duban.common.error.StaleVersionException;
import cn.gov.zhuzhou.duban.common.paging.Page;
import cn.gov.zhuzhou.duban.common.paging.PageQuery;
import cn.gov.zhuzhou.duban.common.security.Caller;
import cn.gov.zhuzhou.duban.common.security.Roles;
import cn.gov.zhuzhou.duban.dispatch.DispatchService;
import cn.gov.zhuzhou.duban.dispatch.TicketItemState;
import cn.gov.zhuzhou.duban.events.Audience;
import cn.gov.zhuzhou.duban.events.DomainEvents;
import cn.gov.zhuzhou.duban.events.EventType;
import cn.gov.zhuzhou.duban.plan.TaskRef;
import cn.gov.zhuzhou.duban.plan.TaskService;
import cn.gov.zhuzhou.duban.unit.Unit;
import cn.gov.zhuzhou.duban.unit.UnitService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Problems and difficulties (问题和困难): raised from a report, a session, a supervision case or a leader's
 * instruction; classified by the office by category and coordination level, which names the session level that
 * can settle it (annex 2, rules 5 and 7); escalated with a reason. A liaison sees only its own unit's problems.
 */
@ApplicationScoped
public class ProblemService {

    private final ProblemRepository problems;
    private final TaskService tasks;
    private final UnitService units;
    private final Caller caller;
    private final CurrentActor actor;
    private final Clock clock;

    ProblemService(ProblemRepository problems, TaskService tasks, UnitService units, Caller caller, CurrentActor actor, Clock clock) {
        this.problems = problems;
        this.tasks = tasks;
        this.units = units;
        this.caller = caller;
        this.actor = actor;
        this.clock = clock;
    }

    @ReadOnlyTransaction
    public Page<ProblemView> searchProblems(ProblemSearch search, PageQuery page) {
        Long scope = units.listFilter(null).unitId();
        List<ProblemRow> found = problems.search(search, scope, page.offset(), page.size);
        return Page.of(rowViews(found), page, problems.countMatching(search, scope));
    }

    /** How many problems match, counted in SQL (the caller's unit scope applies, as for the list). */
    @ReadOnlyTransaction
    public long countProblems(ProblemSearch search) {
        return problems.countMatching(search, units.listFilter(null).unitId());
    }

    /**
     * Problems waiting on a leader's level (the dashboard's figure): classified, not yet settled, at a coordination
     * level whose session sits above the office's. The list: {@code GET /problems?status=CLASSIFIED&leaderLevel=true}.
     */
    public static ProblemSearch waitingOnLeaders() {
        ProblemSearch s = new ProblemSearch();
        s.status = ProblemStatus.CLASSIFIED;
        s.leaderLevel = true;
        return s;
    }

    @ReadOnlyTransaction
    public ProblemView getProblem(long id) {
        return views(List.of(requireReadable(id))).get(0);
    }

    /**
     * Raises a problem by hand. Who raises it decides its source (a liaison: REPORT, the office: OFFICE or SESSION, a
     * leader: LEADER_INSTRUCTION, a supervisor: SUPERVISION); a source the caller may not claim, or a liaison naming
     * another unit as the one raising it, is refused (403).
     */
    @Transactional
    public ProblemView raiseProblem(ProblemRequests.Create r) {
        Unit unit;
        ProblemSource source = ProblemSource.claimedBy(caller::has, r.source());
        if (caller.has(Roles.UNIT) && !caller.has(Roles.OFFICE)) {
            unit = ownUnit();
            if (r.raisedByUnitId() != null && !r.raisedByUnitId().equals(unit.getId())) {
                throw new ForbiddenException("联络员只能以本单位（" + unit.getName() + "）名义提出问题，raisedByUnitId 不能指向其他单位");
            }
            if (!tasks.tasksAnsweredBy(unit.getId()).containsKey(r.taskId())) {
                throw new InvalidRequestException("taskId", "任务 " + r.taskId() + " 不由" + unit.getName() + "负责");
            }
        } else {
            if (r.raisedByUnitId() == null) {
                throw new InvalidRequestException("raisedByUnitId", "须指明提出问题的单位");
            }
            unit = units.requireUnits(List.of(r.raisedByUnitId()), "raisedByUnitId").get(0);
        }
        if (!tasks.exists(r.taskId())) {
            throw new InvalidRequestException("taskId", "任务 " + r.taskId() + " 不存在");
        }
        return views(List.of(raise(r.taskId(), unit, source, null, r.description().strip()))).get(0);
    }

    /**
     * A submitted report's problems and difficulties are one problem for the office to classify, for the life of the
     * report: the first submission raises it, a resubmission after a return updates its text (recorded in its history).
     * The database holds one problem per report (unique {@code source_report_id}).
     */
    @Transactional
    public void raiseFromReport(long reportId, long taskId, Unit unit, String text) {
        problems.ofReport(reportId).ifPresentOrElse(p -> {
            if (p.reviseFromReport(taskId, text)) {
                problems.flush();
                record(p, ProblemEvent.Kind.REVISED, p.getStatus(), p.getCoordinationLevel(), fit("月报重新报送，问题和困难改为：" + text));
            }
        }, () -> raise(taskId, unit, ProblemSource.REPORT, reportId, text));
    }

    /** Annex 2, rule 7: the office classifies each problem (category, coordination level). */
    @Transactional
    public ProblemView classifyProblem(long id, ProblemRequests.Classification r) {
        Problem p = requireReadable(id);
        StaleVersionException.requireCurrent("问题", id, r.version(), p.getVersion());
        ProblemStatus from = p.getStatus();
        CoordinationLevel fromLevel = p.getCoordinationLevel();
        p.classify(r.category(), r.coordinationLevel());
        record(p, ProblemEvent.Kind.CLASSIFIED, from, fromLevel, null);
        problems.flush();
        return DomainEvents.record(EventType.PROBLEM_CLASSIFIED, id, views(List.of(p)).get(0), v -> Audience.unit(v.raisedBy().id()));
    }

    /** Escalation goes up only, and always says why (recorded in the history). */
    @Transactional
    public ProblemView escalateProblem(long id, ProblemRequests.Escalation r) {
        Problem p = requireReadable(id);
        StaleVersionException.requireCurrent("问题", id, r.version(), p.getVersion());
        CoordinationLevel fromLevel = p.getCoordinationLevel();
        p.escalate(r.coordinationLevel());
        record(p, ProblemEvent.Kind.ESCALATED, p.getStatus(), fromLevel, r.reason().strip());
        problems.flush();
        return views(List.of(p)).get(0);
    }

    @ReadOnlyTransaction
    public List<ProblemView.EventView> history(long id) {
        requireReadable(id);
        return problems.eventsOf(id).stream().map(ProblemView.EventView::of).toList();
    }

    // ---- for dispatch sessions and tickets ----------------------------------------------------------------

    /** Problem descriptions by id, for other features' views. */
    @Transactional
    public Map<Long, String> descriptions(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        // two columns, not the entities: item lists show the description only
        return IdLists.query(problems.getEntityManager(), "select p.id, p.description from Problem p where p.id in :ids", Object[].class, ids)
                .getResultStream().collect(Collectors.toMap(r -> (Long) r[0], r -> (String) r[1]));
    }

    /**
     * Annex 2, rule 7: the office classifies a problem before assigning it; reports the offending field otherwise.
     * Returns the session level that can settle it (rule 5).
     */
    @Transactional
    public SessionLevel checkAssignable(long id, String field) {
        Problem p = problems.findByIdOptional(id).orElseThrow(() -> new InvalidRequestException(field, "问题 " + id + " 不存在"));
        p.checkAssignable(field);
        return p.getCoordinationLevel().settledBy();
    }

    /** A problem not yet settled, as a session's agenda needs it. */
    public record Unsettled(long id, long taskId, long raisedByUnitId) {
    }

    /** Every problem not yet settled (OPEN or CLASSIFIED), oldest first: the monthly session's agenda. */
    @Transactional
    public List<Unsettled> unsettled() {
        return problems.unsettled().stream().map(r -> new Unsettled((Long) r[0], (Long) r[1], (Long) r[2])).toList();
    }

    /**
     * Follows the items assigned on a problem (annex 2, rule 7): settled when the last of them is verified, open again
     * when a verified one is returned.
     */
    void onItemChanged(@Observes DispatchService.ItemChanged change) {
        if (change.state() == TicketItemState.VERIFIED && change.unverifiedItemsOfProblem() == 0) {
            settle(change.problemId());
        } else if (change.state() == TicketItemState.RETURNED && change.from() == TicketItemState.VERIFIED) {
            reopen(change.problemId(), "交办事项 " + change.itemId() + " 被退回：" + change.reason());
        }
    }

    private void settle(long id) {
        Problem p = problems.findByIdOptional(id).orElseThrow(() -> new NotFoundException("问题", id));
        if (p.settle()) {
            problems.flush();
            record(p, ProblemEvent.Kind.CLOSED, ProblemStatus.CLASSIFIED, p.getCoordinationLevel(), "交办事项已全部核验办结");
        }
    }

    /** A settled problem whose item is returned is open again, with the return's reason in its history. */
    private void reopen(long id, String reason) {
        Problem p = problems.findByIdOptional(id).orElseThrow(() -> new NotFoundException("问题", id));
        if (p.reopen()) {
            problems.flush();
            record(p, ProblemEvent.Kind.REOPENED, ProblemStatus.CLOSED, p.getCoordinationLevel(), reason);
        }
    }

    @Transactional
    public void checkExist(java.util.Collection<Long> ids, String field) {
        if (!ids.isEmpty() && problems.count("id in ?1", ids) != ids.size()) {
            throw new InvalidRequestException(field, "有问题不存在：" + ids);
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private Problem raise(long taskId, Unit unit, ProblemSource source, Long sourceRef, String text) {
        Problem p = source == ProblemSource.REPORT && sourceRef != null ? Problem.fromReport(taskId, unit, sourceRef, text)
                : new Problem(taskId, unit, source, sourceRef, text);
        problems.persist(p);
        record(p, ProblemEvent.Kind.RAISED, null, null, null);
        DomainEvents.record(EventType.PROBLEM_RAISED, p.getId(), views(List.of(p)).get(0), v -> Audience.unit(v.raisedBy().id()));
        return p;
    }

    private void record(Problem p, ProblemEvent.Kind kind, ProblemStatus from, CoordinationLevel fromLevel, String reason) {
        problems.record(new ProblemEvent(p, kind, from, fromLevel, reason, clock.instant().truncatedTo(ChronoUnit.SECONDS),
                actor.name(), actor.displayName()));
    }

    /** A history reason holds 1000 characters. */
    private static String fit(String reason) {
        return reason.length() <= 1000 ? reason : reason.substring(0, 999) + "…";
    }

    private Problem requireReadable(long id) {
        Problem p = problems.findFull(id).orElseThrow(() -> new NotFoundException("问题", id));
        units.requireVisible("问题", id, List.of(p.getRaisedBy().getId()));
        return p;
    }

    private Unit ownUnit() {
        return units.callersUnit();
    }

    private List<ProblemView> views(List<Problem> found) {
        return rowViews(found.stream().map(ProblemRow::of).toList());
    }

    private List<ProblemView> rowViews(List<ProblemRow> found) {
        Map<Long, TaskRef> refs = tasks.taskRefs(found.stream().map(ProblemRow::taskId).collect(Collectors.toSet()));
        return found.stream().map(p -> ProblemView.of(p, refs.get(p.taskId()))).toList();
    }
}
