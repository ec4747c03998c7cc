package cn.gov.zhuzhou.duban.dispatch;

import cn.gov.zhuzhou.duban.common.audit.CurrentActor;
import cn.gov.zhuzhou.duban.common.error.InvalidRequestException;
import cn.gov.zhuzhou.duban.common.error.NotFoundException;
import cn.gov.zhuzhou.duban.common.error.StaleVersionException;
import cn.gov.zhuzhou.duban.common.paging.Page;
import cn.gov.zhuzhou.duban.common.paging.PageQuery;
import cn.gov.zhuzhou.duban.common.persistence.ReadOnlyTransaction;
import cn.gov.zhuzhou.duban.events.Audience;
import cn.gov.zhuzhou.duban.events.DomainEvents;
import cn.gov.zhuzhou.duban.events.EventType;
import cn.gov.zhuzhou.duban.organisation.OrganisationService;
import cn.gov.zhuzhou.duban.plan.TaskService;
import cn.gov.zhuzhou.duban.problem.ProblemService;
import cn.gov.zhuzhou.duban.unit.Unit;
import cn.gov.zhuzhou.duban.unit.UnitService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Dispatch sessions (调度) and what they produce (annex 2, rule 7): minutes and assignment tickets whose items go to a
 * lead unit with a deadline. The items' own workflow is {@link TicketItemService}.
 */
@ApplicationScoped
public class DispatchService {

    private final DispatchRepository dispatch;
    private final TicketNumbering numbering;
    private final OrganisationService organisation;
    private final UnitService units;
    private final TaskService tasks;
    private final ProblemService problems;
    private final CurrentActor actor;
    private final Clock clock;
    private final DispatchViewAssembler views;
    private final jakarta.enterprise.event.Event<ItemChanged> itemChanged;

    /**
     * Fired, inside the transaction, on every state change of an item (supervision and problems follow it);
     * {@code from} is null when the item is issued, {@code reason} the text given with the step (a return's reason),
     * if any, and {@code unverifiedItemsOfProblem} how many items on the same problem are still not verified.
     */
    public record ItemChanged(long itemId, long problemId, TicketItemState from, TicketItemState state, boolean key, String reason,
            long unverifiedItemsOfProblem) {
    }

    DispatchService(DispatchRepository dispatch, TicketNumbering numbering, OrganisationService organisation, UnitService units,
            TaskService tasks, ProblemService problems, CurrentActor actor, Clock clock, DispatchViewAssembler views,
            jakarta.enterprise.event.Event<ItemChanged> itemChanged) {
        this.itemChanged = itemChanged;
        this.dispatch = dispatch;
        this.numbering = numbering;
        this.organisation = organisation;
        this.units = units;
        this.tasks = tasks;
        this.problems = problems;
        this.views = views;
        this.actor = actor;
        this.clock = clock;
    }

    // ---- sessions ---------------------------------------------------------------------------------------

    @ReadOnlyTransaction
    public Page<DispatchViews.Session> listSessions(String regularMonth, PageQuery page) {
        List<DispatchSession> found = dispatch.sessions(regularMonth, page.offset(), page.size);
        Map<Long, List<AssignmentTicket>> tickets = dispatch.ticketsOfSessions(found.stream().map(DispatchSession::getId).toList())
                .stream().collect(Collectors.groupingBy(t -> t.getSession().getId()));
        return Page.of(views.sessionViews(found, tickets), page, dispatch.countSessions(regularMonth));
    }

    @ReadOnlyTransaction
    public DispatchViews.Session getSession(long id) {
        DispatchSession s = requireSession(id);
        return views.sessionViews(List.of(s), Map.of(id, dispatch.ticketsOfSessions(List.of(id)))).get(0);
    }

    @Transactional
    public DispatchViews.Session planSession(SessionRequests.Create r) {
        DispatchSession s = new DispatchSession(r.type(), r.form(), r.level());
        plan(s, r.title(), r.chairPositionId(), r.heldOn(), r.place(), r.participantUnitIds(), r.agendaTaskIds(), r.agendaProblemIds());
        dispatch.persist(s);
        dispatch.flush();
        return views.sessionViews(List.of(s), Map.of()).get(0);
    }

    /** Re-plans a planned session (date, place, chair, participants, agenda, form, level), as the office read it. */
    @Transactional
    public DispatchViews.Session updateSession(long id, SessionRequests.Update r) {
        DispatchSession s = requireSession(id);
        StaleVersionException.requireCurrent("调度会", id, r.version(), s.getVersion());
        s.reshape(r.form(), r.level());
        plan(s, r.title(), r.chairPositionId(), r.heldOn(), r.place(), r.participantUnitIds(), r.agendaTaskIds(), r.agendaProblemIds());
        dispatch.flush();
        return getSession(id);
    }

    /** Calls off a planned session that has issued no ticket (a ticket's items are already out with their units). */
    @Transactional
    public DispatchViews.Session cancelSession(long id, SessionRequests.Cancellation r) {
        DispatchSession s = lockSession(id);
        StaleVersionException.requireCurrent("调度会", id, r.version(), s.getVersion());
        s.cancel(r.reason().strip(), dispatch.ticketsOf(id));
        dispatch.flush();
        return getSession(id);
    }

    /** The plan of a session, each reference checked: the chairing post, the units, the tasks and problems on the agenda. */
    private void plan(DispatchSession s, String title, Long chairPositionId, LocalDate heldOn, String place, List<Long> participantIds,
            List<Long> taskIds, List<Long> problemIds) {
        if (organisation.positionsByIds(List.of(chairPositionId)).isEmpty()) {
            throw new InvalidRequestException("chairPositionId", "职务 " + chairPositionId + " 不存在");
        }
        Set<Long> participants = new LinkedHashSet<>(participantIds == null ? List.of() : participantIds);
        units.requireUnits(List.copyOf(participants), "participantUnitIds");
        Set<Long> agendaTasks = new LinkedHashSet<>(taskIds == null ? List.of() : taskIds);
        for (Long taskId : agendaTasks) {
            if (!tasks.exists(taskId)) {
                throw new InvalidRequestException("agendaTaskIds", "任务 " + taskId + " 不存在");
            }
        }
        Set<Long> agendaProblems = new LinkedHashSet<>(problemIds == null ? List.of() : problemIds);
        problems.checkExist(agendaProblems, "agendaProblemIds");
        s.plan(title.strip(), chairPositionId, heldOn, place, participants, agendaTasks, agendaProblems);
    }

    @Transactional
    public DispatchViews.Session recordMinutes(long id, SessionRequests.Minutes r) {
        DispatchSession s = requireSession(id);
        StaleVersionException.requireCurrent("调度会", id, r.version(), s.getVersion());
        s.recordMinutes(r.minutes().strip());
        dispatch.flush();
        return getSession(id);
    }

    /** Annex 2, rule 7: every session ends in an assignment ticket or minutes (or both). */
    @Transactional
    public DispatchViews.Session closeSession(long id, SessionRequests.Closing r) {
        DispatchSession s = lockSession(id);
        StaleVersionException.requireCurrent("调度会", id, r.version(), s.getVersion());
        s.close(dispatch.ticketsOf(id));
        dispatch.flush();
        return getSession(id);
    }

    // ---- tickets ----------------------------------------------------------------------------------------

    /** Issues a ticket numbered per year without gaps; its items go out at once to their lead units (rule 7). */
    @Transactional
    public DispatchViews.Ticket issueTicket(long sessionId, SessionRequests.Ticket r) {
        DispatchSession s = lockSession(sessionId);
        s.checkCanIssueTicket();
        LocalDate today = LocalDate.now(clock);
        Set<Long> addedToAgenda = new LinkedHashSet<>();
        for (int i = 0; i < r.items().size(); i++) {
            SessionRequests.Item item = r.items().get(i);
            String field = "items[" + i + "].problemId";
            if (s.admitOnTicket(item.problemId(), problems.checkAssignable(item.problemId(), field), field)) {
                addedToAgenda.add(item.problemId());
            }
            if (item.deadline().isBefore(today)) {
                throw new InvalidRequestException("items[" + i + "].deadline", "办结期限不能早于今天");
            }
        }
        int year = today.getYear();
        int seq = numbering.nextSeq(year);
        AssignmentTicket ticket = new AssignmentTicket(s, year, seq, numbering.format(year, seq), today);
        dispatch.persistTicket(ticket);
        Instant now = now();
        for (int i = 0; i < r.items().size(); i++) {
            SessionRequests.Item it = r.items().get(i);
            Unit lead = units.requireUnits(List.of(it.leadUnitId()), "items[" + i + "].leadUnitId").get(0);
            Set<Long> cooperating = new LinkedHashSet<>(it.cooperatingUnitIds() == null ? List.of() : it.cooperatingUnitIds());
            units.requireUnits(List.copyOf(cooperating), "items[" + i + "].cooperatingUnitIds");
            cooperating.remove(lead.getId());
            TicketItem item = new TicketItem(ticket, it.problemId(), lead, cooperating, it.deadline(), it.key(), it.requirement().strip(), now);
            dispatch.persistItem(item);
            String note = addedToAgenda.contains(it.problemId()) ? "问题 " + it.problemId() + " 随交办单列入调度会议程" : null;
            dispatch.record(new TicketItemEvent(item, null, note, now, actor.name(), actor.displayName()));
            dispatch.flush();
            itemChanged.fire(new ItemChanged(item.getId(), item.getProblemId(), null, item.getState(), item.isKey(), null,
                    dispatch.unverifiedItemsOf(item.getProblemId())));
        }
        dispatch.flush();
        return DomainEvents.record(EventType.TICKET_ISSUED, ticket.getId(), getTicket(ticket.getId()), t -> Audience.units(t.items().stream().flatMap(i -> i.audience().unitIds().stream()).toList()));
    }

    @ReadOnlyTransaction
    public DispatchViews.Ticket getTicket(long id) {
        AssignmentTicket t = dispatch.ticket(id).orElseThrow(() -> new NotFoundException("交办单", id));
        List<TicketItem> items = dispatch.itemsOfTicket(id);
        return new DispatchViews.Ticket(t.getId(), t.getNumber(), t.getYear(), t.getSeq(), t.getSession().getId(), t.getIssuedOn(),
                views.itemViews(items));
    }


    // ---- helpers ----------------------------------------------------------------------------------------

    private DispatchSession requireSession(long id) {
        return dispatch.findByIdOptional(id).orElseThrow(() -> new NotFoundException("调度会", id));
    }

    /**
     * The session row locked for the rest of the transaction: issuing a ticket, calling off and closing take it, so
     * one waits for the other and then sees its outcome (no cancelled session with a ticket).
     */
    private DispatchSession lockSession(long id) {
        return dispatch.lockSession(id).orElseThrow(() -> new NotFoundException("调度会", id));
    }


    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
