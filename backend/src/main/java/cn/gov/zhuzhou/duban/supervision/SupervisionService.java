package cn.gov.zhuzhou.duban.supervision;

import cn.gov.zhuzhou.duban.common.audit.AuditView;
import cn.gov.zhuzhou.duban.common.audit.CurrentActor;
import cn.gov.zhuzhou.duban.common.error.ConflictException;
import cn.gov.zhuzhou.duban.common.error.ForbiddenException;
import cn.gov.zhuzhou.duban.common.error.InvalidRequestException;
import cn.gov.zhuzhou.duban.common.error.NotFoundException;
import cn.gov.zhuzhou.duban.common.error.StaleVersionException;
import cn.gov.zhuzhou.duban.common.paging.Page;
import cn.gov.zhuzhou.duban.common.paging.PageQuery;
import cn.gov.zhuzhou.duban.common.persistence.ReadOnlyTransaction;
import cn.gov.zhuzhou.duban.common.security.Caller;
import cn.gov.zhuzhou.duban.dispatch.DispatchService;
import cn.gov.zhuzhou.duban.dispatch.TicketItemService;
import cn.gov.zhuzhou.duban.dispatch.DispatchViews;
import cn.gov.zhuzhou.duban.dispatch.TicketItemState;
import cn.gov.zhuzhou.duban.events.Audience;
import cn.gov.zhuzhou.duban.events.DomainEvents;
import cn.gov.zhuzhou.duban.events.EventType;
import cn.gov.zhuzhou.duban.report.MonthlyReportHistoryViews.Standing;
import cn.gov.zhuzhou.duban.report.MonthlyReportService;
import cn.gov.zhuzhou.duban.unit.Unit;
import cn.gov.zhuzhou.duban.unit.UnitRef;
import cn.gov.zhuzhou.duban.unit.UnitService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Supervision (督查督办), annex 2, rule 9: every key item and every overdue item opens a case; the supervision
 * offices urge the unit, record its replies, and write a report to the secretary and the mayor. A case closes when
 * its item is verified and reopens if the item is returned. Main text 三.(三): a quarterly round lists open cases and
 * late units.
 */
@ApplicationScoped
public class SupervisionService {

    static final String REPORT_ADDRESSEE = "书记、市长";
    private final SupervisionRepository cases;
    private final TicketItemService dispatch;
    private final MonthlyReportService reports;
    private final UnitService units;
    private final Caller caller;
    private final CurrentActor actor;
    private final Clock clock;
    private final cn.gov.zhuzhou.duban.notification.NotificationService notifications;
    private final cn.gov.zhuzhou.duban.common.config.DubanConfig config;

    SupervisionService(SupervisionRepository cases, TicketItemService dispatch, MonthlyReportService reports,
            UnitService units, Caller caller, CurrentActor actor, Clock clock,
            cn.gov.zhuzhou.duban.notification.NotificationService notifications, cn.gov.zhuzhou.duban.common.config.DubanConfig config) {
        this.notifications = notifications;
        this.config = config;
        this.cases = cases;
        this.dispatch = dispatch;
        this.reports = reports;
        this.units = units;
        this.caller = caller;
        this.actor = actor;
        this.clock = clock;
    }

    /** Follows the items: a key item opens a case when issued; verification closes it; a return reopens it. */
    void onItemChanged(@Observes DispatchService.ItemChanged change) {
        var existing = cases.forItem(change.itemId());
        if (change.state() == TicketItemState.ISSUED && change.key() && existing.isEmpty()) {
            open(change.itemId(), SupervisionCase.Reason.KEY, "重点交办事项，自动立案");
        } else if (change.state() == TicketItemState.VERIFIED) {
            existing.filter(c -> c.getStatus() == SupervisionCase.Status.OPEN)
                    .ifPresent(c -> move(c, () -> c.close(now()), "交办事项已核验办结"));
        } else if (change.state() == TicketItemState.RETURNED) {
            existing.filter(c -> c.getStatus() == SupervisionCase.Status.CLOSED)
                    .ifPresent(c -> move(c, c::reopen, "交办事项被退回" + (change.reason() == null ? "" : "：" + change.reason())));
        }
    }

    /** Every overdue item without a case gets one; runs each night (Asia/Shanghai) and may be run any time. */
    @Transactional
    public int sweepOverdueItems() {
        int opened = 0;
        for (Map.Entry<Long, Long> overdue : dispatch.overdueItems().entrySet()) {
            if (cases.forItem(overdue.getKey()).isEmpty()) {
                open(overdue.getKey(), SupervisionCase.Reason.OVERDUE, "交办事项逾期未办结，自动立案");
                opened++;
            }
        }
        return opened;
    }

    /** A case's status changes (opened, closed, reopened), oldest first; a liaison reads its own items' cases only. */
    @ReadOnlyTransaction
    public List<SupervisionViews.Event> history(long id) {
        checkReadable(require(id));
        return cases.eventsOf(id).stream().map(SupervisionViews.Event::of).toList();
    }

    @Transactional
    public SupervisionViews.Case openCase(SupervisionViews.Open r) {
        if (dispatch.itemsByIds(List.of(r.itemId())).isEmpty()) {
            throw new InvalidRequestException("itemId", "交办事项 " + r.itemId() + " 不存在");
        }
        if (cases.forItem(r.itemId()).isPresent()) {
            throw new ConflictException("交办事项 " + r.itemId() + " 已有督办案件");
        }
        SupervisionCase c = open(r.itemId(), SupervisionCase.Reason.MANUAL, "督查室立案");
        cases.flush();
        return views(List.of(c)).get(0);
    }

    /**
     * Cases by status, item and the lead unit of their item, newest first; a liaison lists only the cases on items its
     * unit leads (another unit's filter gives an empty page, as the inbox does).
     */
    @ReadOnlyTransaction
    public Page<SupervisionViews.Case> searchCases(SupervisionCase.Status status, Long itemId, Long unitId, PageQuery page) {
        UnitService.UnitFilter scope = units.listFilter(unitId);
        if (scope.nothing()) {
            return Page.of(List.of(), page, 0);
        }
        Long unit = scope.unitId();
        var filter = new SupervisionRepository.CaseFilter(status, itemId, unit == null ? null : dispatch.idsLedBy(unit));
        return Page.of(rowViews(cases.search(filter, page.offset(), page.size)), page, cases.countMatching(filter));
    }

    /** How many cases stand in {@code status} now, counted in SQL; the list is {@code GET /supervision-cases?status=}. */
    @ReadOnlyTransaction
    public long countCases(SupervisionCase.Status status) {
        return cases.countMatching(new SupervisionRepository.CaseFilter(status, null, null));
    }

    @ReadOnlyTransaction
    public SupervisionViews.Case getCase(long id) {
        SupervisionCase c = require(id);
        checkReadable(c);
        return views(List.of(c)).get(0);
    }

    @Transactional
    public SupervisionViews.Case urge(long id, SupervisionViews.Urging r) {
        SupervisionCase c = requireOpen(id, "催办");
        c.requireActionDate("actedOn", r.actedOn(), LocalDate.now(clock));
        int minDays = config.supervision().minUrgingDays();
        cases.actionsOf(id).stream().filter(a -> a.getKind() == SupervisionAction.Kind.URGING)
                .map(SupervisionAction::getActedOn).max(LocalDate::compareTo)
                .filter(last -> r.actedOn().isBefore(last.plusDays(minDays)))
                .ifPresent(last -> {
                    throw new ConflictException("两次催办至少间隔 " + minDays + " 天（上次催办 " + last + "）");
                });
        notifications.notifyUrging(c.getItemId(), "督办催办：" + r.content().strip());
        cases.record(new SupervisionAction(c, SupervisionAction.Kind.URGING, r.means(), r.toWhom().strip(), r.content().strip(),
                r.actedOn(), now(), actor.name(), actor.displayName()));
        return views(List.of(c)).get(0);
    }

    /** The lead unit answers the supervision office on its own item's case. */
    @Transactional
    public SupervisionViews.Case reply(long id, SupervisionViews.Reply r) {
        SupervisionCase c = require(id);
        checkReadable(c);
        c.requireOpen("回复");
        cases.record(new SupervisionAction(c, SupervisionAction.Kind.REPLY, null, null, r.content().strip(), LocalDate.now(clock),
                now(), actor.name(), actor.displayName()));
        return views(List.of(c)).get(0);
    }

    @Transactional
    public SupervisionViews.Case writeReport(long id, SupervisionViews.Report r) {
        SupervisionCase c = require(id);
        StaleVersionException.requireCurrent("督办案件", id, r.version(), c.getVersion());
        c.writeReport(r.report().strip());
        cases.flush();
        return views(List.of(c)).get(0);
    }

    /** Main text 三.(三): each quarter, the open cases and every late unit (overdue items, late or missing reports). */
    @ReadOnlyTransaction
    public SupervisionViews.Round quarterlyRound(String quarter) {
        if (quarter == null || !quarter.matches("\\d{4}-Q[1-4]")) {
            throw new InvalidRequestException("quarter", "格式为 yyyy-Qn，例如 2026-Q4");
        }
        int year = Integer.parseInt(quarter.substring(0, 4));
        int q = quarter.charAt(6) - '0';
        List<SupervisionViews.Case> open = rowViews(cases.search(new SupervisionRepository.CaseFilter(SupervisionCase.Status.OPEN, null, null), 0, 10_000));
        Map<Long, Integer> overdue = new TreeMap<>();
        dispatch.overdueItems().values().forEach(unit -> overdue.merge(unit, 1, Integer::sum));
        Map<Long, List<String>> lateMonths = new TreeMap<>();
        YearMonth current = YearMonth.now(clock);
        for (int m = 3 * q - 2; m <= 3 * q; m++) {
            YearMonth month = YearMonth.of(year, m);
            if (!month.isBefore(current)) {
                continue;
            }
            reports.standings(month).stream()
                    .filter(s -> s.standing() == Standing.SUBMITTED_LATE || (s.standing() != Standing.SUBMITTED_ON_TIME && s.daysLate() > 0))
                    .forEach(s -> lateMonths.computeIfAbsent(s.unit().id(), k -> new ArrayList<>()).add(month.toString()));
        }
        List<Long> unitIds = new ArrayList<>(overdue.keySet());
        lateMonths.keySet().stream().filter(id -> !overdue.containsKey(id)).forEach(unitIds::add);
        Map<Long, Unit> byId = units.requireUnits(unitIds, "unitId").stream().collect(Collectors.toMap(Unit::getId, u -> u));
        List<SupervisionViews.LateUnit> late = unitIds.stream().sorted()
                .map(id -> new SupervisionViews.LateUnit(UnitRef.of(byId.get(id)), overdue.getOrDefault(id, 0),
                        lateMonths.getOrDefault(id, List.of()))).toList();
        return new SupervisionViews.Round(quarter, open, late);
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private SupervisionCase open(long itemId, SupervisionCase.Reason reason, String why) {
        SupervisionCase c = new SupervisionCase(itemId, reason, now());
        cases.persist(c);
        cases.record(new SupervisionCaseEvent(c, null, why, now(), actor.name(), actor.displayName()));
        DomainEvents.record(EventType.SUPERVISION_CASE_OPENED, c.getId(), views(List.of(c)).get(0), v -> Audience.unit(v.item().leadUnit().id()));
        return c;
    }

    /** One status change, kept as history; the guarded update is written before the history row (no deadlock). */
    private void move(SupervisionCase c, Runnable step, String why) {
        SupervisionCase.Status from = c.getStatus();
        step.run();
        cases.flush();
        cases.record(new SupervisionCaseEvent(c, from, why, now(), actor.name(), actor.displayName()));
        DomainEvents.record(c.getStatus() == SupervisionCase.Status.CLOSED ? EventType.SUPERVISION_CASE_CLOSED : EventType.SUPERVISION_CASE_OPENED, c.getId(), views(List.of(c)).get(0), v -> Audience.unit(v.item().leadUnit().id()));
    }

    private SupervisionCase require(long id) {
        return cases.findByIdOptional(id).orElseThrow(() -> new NotFoundException("督办案件", id));
    }

    private SupervisionCase requireOpen(long id, String action) {
        SupervisionCase c = require(id);
        c.requireOpen(action);
        return c;
    }

    /** A liaison sees only the cases on items its unit leads (404 otherwise), through the item's own scope. */
    private void checkReadable(SupervisionCase c) {
        if (caller.isAnonymous()) {
            throw new ForbiddenException("需要登录");
        }
        units.requireVisible("督办案件", c.getId(), List.of(dispatch.leadUnitOf(c.getItemId())));
    }

    private List<SupervisionViews.Case> views(List<SupervisionCase> found) {
        return rowViews(found.stream().map(CaseRow::of).toList());
    }

    /** Views of case rows: their items and their actions read once for the whole list. */
    private List<SupervisionViews.Case> rowViews(List<CaseRow> found) {
        Map<Long, DispatchViews.Item> items = dispatch.itemsByIds(found.stream().map(CaseRow::itemId).toList());
        Map<Long, List<SupervisionViews.Action>> actions = cases.actionViewsOf(found.stream().map(CaseRow::id).toList());
        return found.stream().map(c -> new SupervisionViews.Case(c.id(), c.reason(), c.status(), at(c.openedAt()),
                at(c.closedAt()), c.report(), REPORT_ADDRESSEE, items.get(c.itemId()), actions.getOrDefault(c.id(), List.of()), c.version(),
                c.audit())).toList();
    }

    private static java.time.OffsetDateTime at(Instant i) {
        return i == null ? null : i.atZone(AuditView.ZONE).toOffsetDateTime();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
