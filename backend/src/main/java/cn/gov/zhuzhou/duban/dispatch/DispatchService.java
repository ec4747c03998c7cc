package cn.gov.zhuzhou.duban.dispatch;

import cn.gov.zhuzhou.duban.common.audit.AuditView;
import cn.gov.zhuzhou.duban.common.audit.CurrentActor;
import cn.gov.zhuzhou.duban.common.error.ForbiddenException;
import cn.gov.zhuzhou.duban.common.error.InvalidRequestException;
import cn.gov.zhuzhou.duban.common.error.NotFoundException;
import cn.gov.zhuzhou.duban.common.error.StaleVersionException;
import cn.gov.zhuzhou.duban.common.paging.Page;
import cn.gov.zhuzhou.duban.common.paging.PageQuery;
import cn.gov.zhuzhou.duban.common.security.Caller;
import cn.gov.zhuzhou.duban.dispatch.DispatchViews.Chair;
import cn.gov.zhuzhou.duban.dispatch.DispatchViews.TicketRef;
import cn.gov.zhuzhou.duban.organisation.OrganisationService;
import cn.gov.zhuzhou.duban.organisation.PositionView;
import cn.gov.zhuzhou.duban.plan.TaskService;
import cn.gov.zhuzhou.duban.problem.ProblemService;
import cn.gov.zhuzhou.duban.unit.Unit;
import cn.gov.zhuzhou.duban.unit.UnitRef;
import cn.gov.zhuzhou.duban.unit.UnitService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Dispatch sessions (调度) and what they produce (annex 2, rule 7): minutes and assignment tickets whose items go to a
 * lead unit with a deadline, are signed for, reported done, and verified or returned by the office.
 */
@ApplicationScoped
public class DispatchService {

    private final DispatchRepository dispatch;
    private final TicketNumbering numbering;
    private final OrganisationService organisation;
    private final UnitService units;
    private final TaskService tasks;
    private final ProblemService problems;
    private final Caller caller;
    private final CurrentActor actor;
    private final Clock clock;
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
            TaskService tasks, ProblemService problems, Caller caller, CurrentActor actor, Clock clock,
            jakarta.enterprise.event.Event<ItemChanged> itemChanged) {
        this.itemChanged = itemChanged;
        this.dispatch = dispatch;
        this.numbering = numbering;
        this.organisation = organisation;
        this.units = units;
        this.tasks = tasks;
        this.problems = problems;
        this.caller = caller;
        this.actor = actor;
        this.clock = clock;
    }

    // ---- sessions ---------------------------------------------------------------------------------------

    @Transactional
    public Page<DispatchViews.Session> listSessions(String regularMonth, PageQuery page) {
        List<DispatchSession> found = dispatch.sessions(regularMonth, page.offset(), page.size);
        Map<Long, List<AssignmentTicket>> tickets = dispatch.ticketsOfSessions(found.stream().map(DispatchSession::getId).toList())
                .stream().collect(Collectors.groupingBy(t -> t.getSession().getId()));
        return Page.of(sessionViews(found, tickets), page, dispatch.countSessions(regularMonth));
    }

    @Transactional
    public DispatchViews.Session getSession(long id) {
        DispatchSession s = requireSession(id);
        return sessionViews(List.of(s), Map.of(id, dispatch.ticketsOfSessions(List.of(id)))).get(0);
    }

    @Transactional
    public DispatchViews.Session planSession(SessionRequests.Create r) {
        DispatchSession s = new DispatchSession(r.type(), r.form(), r.level());
        plan(s, r.title(), r.chairPositionId(), r.heldOn(), r.place(), r.participantUnitIds(), r.agendaTaskIds(), r.agendaProblemIds());
        dispatch.persist(s);
        dispatch.flush();
        return sessionViews(List.of(s), Map.of()).get(0);
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
        return getTicket(ticket.getId());
    }

    @Transactional
    public DispatchViews.Ticket getTicket(long id) {
        AssignmentTicket t = dispatch.ticket(id).orElseThrow(() -> new NotFoundException("交办单", id));
        List<TicketItem> items = dispatch.itemsOfTicket(id);
        return new DispatchViews.Ticket(t.getId(), t.getNumber(), t.getYear(), t.getSeq(), t.getSession().getId(), t.getIssuedOn(),
                itemViews(items));
    }

    // ---- items ------------------------------------------------------------------------------------------

    /** A unit's inbox (a liaison's own unit, as lead or cooperating unit), by state and deadline. */
    @Transactional
    public Page<DispatchViews.Item> searchItems(Long unitId, TicketItemState state, PageQuery page) {
        UnitService.UnitFilter filter = units.listFilter(unitId);
        if (filter.nothing()) {
            return Page.of(List.of(), page, 0);
        }
        Long effective = filter.unitId();
        return Page.of(itemViews(dispatch.items(effective, state, page.offset(), page.size)), page, dispatch.countItems(effective, state));
    }

    @Transactional
    public DispatchViews.Item getItem(long id) {
        return itemViews(List.of(requireReadableItem(id))).get(0);
    }

    @Transactional
    public List<DispatchViews.Event> itemHistory(long id) {
        requireReadableItem(id);
        return dispatch.eventsOf(id).stream().map(DispatchViews.Event::of).toList();
    }

    /** 签收: the lead unit signs for the item; the time from issue to signature is kept. */
    @Transactional
    public DispatchViews.Item acknowledgeItem(long id, SessionRequests.Transition r) {
        TicketItem item = requireLeadItem(id);
        return move(item, r, () -> item.acknowledge(now()));
    }

    /** 办结: the lead unit reports the item done, with its completion report. */
    @Transactional
    public DispatchViews.Item reportItemDone(long id, SessionRequests.Transition r) {
        TicketItem item = requireLeadItem(id);
        if (r.text() == null || r.text().isBlank()) {
            throw new InvalidRequestException("text", "须填写办结情况");
        }
        return move(item, r, () -> item.reportDone(r.text().strip()));
    }

    @Transactional
    public DispatchViews.Item verifyItem(long id, SessionRequests.Transition r) {
        TicketItem item = requireReadableItem(id);
        return move(item, r, () -> item.verify(now()));
    }

    @Transactional
    public DispatchViews.Item returnItem(long id, SessionRequests.Transition r) {
        TicketItem item = requireReadableItem(id);
        if (r.text() == null || r.text().isBlank()) {
            throw new InvalidRequestException("text", "须说明退回理由");
        }
        return move(item, r, () -> item.sendBack(r.text().strip()));
    }

    /** One transition: optimistic lock, then the item's own state machine (which refuses a bad step with a 409). */
    private DispatchViews.Item move(TicketItem item, SessionRequests.Transition r, Runnable step) {
        StaleVersionException.requireCurrent("交办事项", item.getId(), r.version(), item.getVersion());
        TicketItemState from = item.getState();
        step.run();
        // Write the guarded update first: a concurrent actor then waits on the row and fails the version check
        // (409), instead of both taking the parent row's share lock through the history insert and deadlocking.
        dispatch.flush();
        String reason = r.text() == null || r.text().isBlank() ? null : r.text().strip();
        dispatch.record(new TicketItemEvent(item, from, reason, now(), actor.name(), actor.displayName()));
        dispatch.flush();
        itemChanged.fire(new ItemChanged(item.getId(), item.getProblemId(), from, item.getState(), item.isKey(), reason,
                dispatch.unverifiedItemsOf(item.getProblemId())));
        return itemViews(List.of(item)).get(0);
    }

    // ---- for supervision and notifications ----------------------------------------------------------------

    /** An item not yet verified, as the deadline reminders need it. */
    public record OpenItem(long id, long leadUnitId, LocalDate deadline) {
    }

    /** Every item not yet verified, whatever the caller's scope: for the reminder sweep. */
    @Transactional
    public List<OpenItem> openItems() {
        return dispatch.unverified().stream().map(r -> new OpenItem((Long) r[0], (Long) r[1], (LocalDate) r[2])).toList();
    }

    /** The lead unit of an item, whatever the caller's scope. */
    @Transactional
    public long leadUnitOf(long itemId) {
        return dispatch.item(itemId).orElseThrow(() -> new NotFoundException("交办事项", itemId)).getLeadUnit().getId();
    }

    /** Overdue items today: item id → lead unit id. */
    @Transactional
    public Map<Long, Long> overdueItems() {
        return dispatch.overdue(LocalDate.now(clock)).stream().collect(Collectors.toMap(r -> (Long) r[0], r -> (Long) r[1]));
    }

    /** Item views by id, without the caller's scope: for the supervision feature, which reads every item. */
    @Transactional
    public Map<Long, DispatchViews.Item> itemsByIds(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return itemViews(dispatch.itemsByIds(ids)).stream().collect(Collectors.toMap(DispatchViews.Item::id, v -> v));
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

    private TicketItem requireReadableItem(long id) {
        TicketItem item = dispatch.item(id).orElseThrow(() -> new NotFoundException("交办事项", id));
        Set<Long> concerned = new LinkedHashSet<>(item.getCooperatingUnitIds());
        concerned.add(item.getLeadUnit().getId());
        units.requireVisible("交办事项", id, concerned);
        return item;
    }

    /** Only the lead unit's liaison signs for and reports on an item; a cooperating unit reads it. */
    private TicketItem requireLeadItem(long id) {
        TicketItem item = requireReadableItem(id);
        if (!item.getLeadUnit().getId().equals(units.workflowScope())) {
            throw new ForbiddenException("只有牵头单位可以签收或报告办结");
        }
        return item;
    }

    /** Views of many sessions: chairs, participants and tickets are read once for the whole list. */
    private List<DispatchViews.Session> sessionViews(List<DispatchSession> sessions, Map<Long, List<AssignmentTicket>> tickets) {
        Map<Long, PositionView> chairs = organisation.positionsByIds(sessions.stream().map(DispatchSession::getChairPositionId)
                .collect(Collectors.toSet()));
        Map<Long, UnitRef> participants = units.requireUnits(sessions.stream()
                .flatMap(s -> java.util.stream.Stream.concat(s.getParticipantUnitIds().stream(), s.getAgendaUnitIds().stream()))
                .distinct().toList(), "participantUnitIds").stream().collect(Collectors.toMap(Unit::getId, UnitRef::of));
        return sessions.stream().map(s -> {
            PositionView chair = chairs.get(s.getChairPositionId());
            return new DispatchViews.Session(s.getId(), s.getType(), s.getForm(), s.getLevel(), s.getTitle(),
                    new Chair(chair.id(), chair.title(), chair.holder()), s.getHeldOn(), s.getPlace(), s.getStatus(), s.getMinutes(), s.getCancelReason(),
                    s.getParticipantUnitIds().stream().map(participants::get).toList(), List.copyOf(s.getAgendaTaskIds()),
                    List.copyOf(s.getAgendaProblemIds()), s.getAgendaUnitIds().stream().map(participants::get).toList(),
                    s.getRegularMonth(), tickets.getOrDefault(s.getId(), List.of()).stream()
                            .map(t -> new TicketRef(t.getId(), t.getNumber())).toList(), s.getVersion(), AuditView.of(s.getAudit()));
        }).toList();
    }

    private List<DispatchViews.Item> itemViews(List<TicketItem> items) {
        LocalDate today = LocalDate.now(clock);
        Map<Long, String> problemText = problems.descriptions(items.stream().map(TicketItem::getProblemId).collect(Collectors.toSet()));
        Map<Long, List<Long>> cooperating = dispatch.cooperatingOf(items.stream().map(TicketItem::getId).toList());
        return items.stream().map(i -> new DispatchViews.Item(i.getId(), new TicketRef(i.getTicket().getId(), i.getTicket().getNumber()),
                i.getProblemId(), problemText.get(i.getProblemId()), UnitRef.of(i.getLeadUnit()),
                cooperating.getOrDefault(i.getId(), List.of()), i.getDeadline(), i.isKey(), i.getRequirement(), i.getState(),
                i.isOverdue(today), i.isOverdue(today) ? (int) ChronoUnit.DAYS.between(i.getDeadline(), today) : 0,
                at(i.getIssuedAt()), at(i.getAcknowledgedAt()),
                i.getAcknowledgedAt() == null ? null : Duration.between(i.getIssuedAt(), i.getAcknowledgedAt()).toHours(),
                i.getDoneReport(), at(i.getVerifiedAt()), i.getReturnReason(), i.getVersion(), AuditView.of(i.getAudit()))).toList();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atZone(AuditView.ZONE).toOffsetDateTime();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
