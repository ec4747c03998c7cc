package cn.gov.zhuzhou.duban.dispatch;

import cn.gov.zhuzhou.duban.common.audit.CurrentActor;
import cn.gov.zhuzhou.duban.common.error.ForbiddenException;
import cn.gov.zhuzhou.duban.common.error.InvalidRequestException;
import cn.gov.zhuzhou.duban.common.error.NotFoundException;
import cn.gov.zhuzhou.duban.common.error.StaleVersionException;
import cn.gov.zhuzhou.duban.common.paging.Page;
import cn.gov.zhuzhou.duban.common.paging.PageQuery;
import cn.gov.zhuzhou.duban.common.persistence.ReadOnlyTransaction;
import cn.gov.zhuzhou.duban.events.Audience;
import cn.gov.zhuzhou.duban.events.DomainEvents;
import cn.gov.zhuzhou.duban.events.EventType;
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
 * The item workflow of annex 2, rule 7: a unit's inbox, signing for (签收), reporting done (办结), the office's
 * verification or return; and the reads of open and overdue items that supervision and notifications need.
 */
@ApplicationScoped
public class TicketItemService {

    /** The length of a reason to return an item (its column, as a monthly report's reason). */
    static final int MAX_RETURN_REASON = 1000;

    private final DispatchRepository dispatch;
    private final UnitService units;
    private final DispatchViewAssembler views;
    private final CurrentActor actor;
    private final Clock clock;
    private final jakarta.enterprise.event.Event<DispatchService.ItemChanged> itemChanged;
    private final ItemCases cases;

    TicketItemService(DispatchRepository dispatch, UnitService units, DispatchViewAssembler views, CurrentActor actor, Clock clock,
            jakarta.enterprise.event.Event<DispatchService.ItemChanged> itemChanged, ItemCases cases) {
        this.cases = cases;
        this.dispatch = dispatch;
        this.units = units;
        this.views = views;
        this.actor = actor;
        this.clock = clock;
        this.itemChanged = itemChanged;
    }


    /** A unit's inbox (a liaison's own unit, as lead or cooperating unit), by state and deadline. */
    @ReadOnlyTransaction
    public Page<DispatchViews.Item> searchItems(Long unitId, TicketItemState state, Boolean key, Boolean overdue,
            java.time.LocalDate overdueOn, PageQuery page) {
        if (overdueOn == null && Boolean.TRUE.equals(overdue)) {
            overdueOn = java.time.LocalDate.now(clock);
        }
        UnitService.UnitFilter filter = units.listFilter(unitId);
        if (filter.nothing()) {
            return Page.of(List.of(), page, 0);
        }
        var f = new DispatchRepository.ItemFilter(filter.unitId(), state, key, overdueOn);
        return withCases(Page.of(views.rowViews(dispatch.items(f, page.offset(), page.size)), page, dispatch.countItems(f)));
    }

    /** The page's items linked to their supervision cases, read in one statement for the whole page, in the same transaction. */
    private Page<DispatchViews.Item> withCases(Page<DispatchViews.Item> page) {
        Map<Long, DispatchViews.CaseRef> found = cases.casesOf(page.items().stream().map(DispatchViews.Item::id).toList());
        return page.map(i -> i.withSupervisionCase(found.get(i.id())));
    }

    /** Key items overdue on {@code day} (not verified, deadline before it), counted in SQL; the list filter is the same. */
    @ReadOnlyTransaction
    public long countOverdueKeyItems(java.time.LocalDate day) {
        return dispatch.countItems(new DispatchRepository.ItemFilter(null, null, true, day));
    }

    /** Every item overdue on {@code day} (not verified, deadline before it), counted in SQL; the list is {@code ?overdueOn=}. */
    @ReadOnlyTransaction
    public long countOverdueItems(java.time.LocalDate day) {
        return dispatch.countItems(new DispatchRepository.ItemFilter(null, null, null, day));
    }

    @ReadOnlyTransaction
    public DispatchViews.Item getItem(long id) {
        DispatchViews.Item item = views.itemViews(List.of(requireReadableItem(id))).get(0);
        return item.withSupervisionCase(cases.casesOf(List.of(item.id())).get(item.id()));
    }

    @ReadOnlyTransaction
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
        String reason = r.text().strip();
        if (reason.length() > MAX_RETURN_REASON) {
            // the request's text may hold a done report (5 000); a reason has the 1 000 a monthly report's has
            throw new InvalidRequestException("text", "退回理由不能超过 " + MAX_RETURN_REASON + " 个字符");
        }
        return move(item, r, () -> item.sendBack(reason));
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
        itemChanged.fire(new DispatchService.ItemChanged(item.getId(), item.getProblemId(), from, item.getState(), item.isKey(), reason,
                dispatch.unverifiedItemsOf(item.getProblemId())));
        return DomainEvents.record(EventType.TICKET_ITEM_STATE_CHANGED, item.getId(), views.itemViews(List.of(item)).get(0), DispatchViews.Item::audience);
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

    /** Ids of the items a unit leads (not those it only cooperates on): supervision lists the cases on them. */
    @Transactional
    public List<Long> idsLedBy(long unitId) {
        return dispatch.itemIdsLedBy(unitId);
    }

    /** Overdue items today: item id → lead unit id. */
    @Transactional
    public Map<Long, Long> overdueItems() {
        return dispatch.overdue(LocalDate.now(clock)).stream().collect(Collectors.toMap(r -> (Long) r[0], r -> (Long) r[1]));
    }

    /** Item views by id, without the caller's scope: for the supervision feature, which reads every item. */
    @ReadOnlyTransaction
    public Map<Long, DispatchViews.Item> itemsByIds(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return views.rowViews(dispatch.itemRows(ids)).stream().collect(Collectors.toMap(DispatchViews.Item::id, v -> v));
    }

    // ---- helpers ----------------------------------------------------------------------------------------

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

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
