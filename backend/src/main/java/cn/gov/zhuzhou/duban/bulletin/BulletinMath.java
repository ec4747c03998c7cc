package cn.gov.zhuzhou.duban.bulletin;

import cn.gov.zhuzhou.duban.bulletin.BulletinFigures.AreaLights;
import cn.gov.zhuzhou.duban.bulletin.BulletinFigures.Category;
import cn.gov.zhuzhou.duban.bulletin.BulletinFigures.CategoryCount;
import cn.gov.zhuzhou.duban.bulletin.BulletinFigures.Delta;
import cn.gov.zhuzhou.duban.bulletin.BulletinFigures.ItemCounts;
import cn.gov.zhuzhou.duban.bulletin.BulletinFigures.LeaderItem;
import cn.gov.zhuzhou.duban.bulletin.BulletinFigures.LightCount;
import cn.gov.zhuzhou.duban.bulletin.BulletinFigures.NamedUnit;
import cn.gov.zhuzhou.duban.bulletin.BulletinFigures.PeriodTotals;
import cn.gov.zhuzhou.duban.bulletin.BulletinFigures.ReportCounts;
import cn.gov.zhuzhou.duban.bulletin.BulletinFigures.ReportLine;
import cn.gov.zhuzhou.duban.bulletin.BulletinFigures.TaskFigures;
import cn.gov.zhuzhou.duban.bulletin.BulletinFigures.TaskLine;
import cn.gov.zhuzhou.duban.bulletin.BulletinFigures.UnitLine;
import cn.gov.zhuzhou.duban.dispatch.ItemRecord;
import cn.gov.zhuzhou.duban.plan.ProgressLight;
import cn.gov.zhuzhou.duban.plan.TaskStanding;
import cn.gov.zhuzhou.duban.plan.TaskStatus;
import cn.gov.zhuzhou.duban.report.ReportRecord;
import cn.gov.zhuzhou.duban.supervision.CaseRecord;
import cn.gov.zhuzhou.duban.unit.UnitRef;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The figures of bulletins, briefs and summaries as pure functions over the records (reports, items, cases, task
 * standings) as they stood: no database, no clock. One place for each count the office publishes.
 */
public final class BulletinMath {

    private BulletinMath() {
    }

    /**
     * Who is named in a bulletin for failing its targets (main text 三.(三): 予以通报): a unit reaching any threshold;
     * 0 switches a reason off. Configured as {@code duban.bulletin.naming.*}.
     */
    public record NamingRule(int missingReports, int lateReports, int overdueKeyItems, int overdueItems, int returns) {
    }

    /**
     * How a task stands against its expected progress on the day: completed (early while its deadline is still ahead),
     * other (suspended, no deadline, or not started and not yet expected to have), behind when overdue or more than
     * {@code tolerance} points below the expected progress (what turns the light yellow), ahead when above it, on
     * schedule otherwise.
     */
    public static Category categorize(TaskStatus status, int progressPercent, ProgressLight light, int tolerance) {
        if (status == TaskStatus.COMPLETED) {
            return light.daysToDeadline() != null && light.daysToDeadline() > 0 ? Category.COMPLETED_EARLY : Category.COMPLETED;
        }
        Integer expected = light.expectedPercent();
        if (status == TaskStatus.SUSPENDED || expected == null || (status == TaskStatus.NOT_STARTED && expected == 0)) {
            return Category.OTHER;
        }
        if (light.daysToDeadline() != null && light.daysToDeadline() < 0) {
            return Category.BEHIND;
        }
        if (progressPercent > expected) {
            return Category.AHEAD;
        }
        return expected - progressPercent > tolerance ? Category.BEHIND : Category.ON_SCHEDULE;
    }

    /** A task's line: its standing, category and latest report (null when none was submitted by the day). */
    public static TaskLine taskLine(TaskStanding t, ReportLine latest, int tolerance) {
        return new TaskLine(t.taskId(), t.code(), t.title(), t.areaId(), t.areaName(), t.parentId(), t.leaf(), t.crossCityLeadCityCode() != null,
                t.crossCityLeadCityCode(), List.copyOf(t.responsibleUnitIds()), t.status(), t.progressPercent(),
                categorize(t.status(), t.progressPercent(), t.light(), tolerance), t.light(), latest);
    }

    /** Overall figures: every task counted, the work items (tasks without sub-tasks) counted by category and light. */
    public static TaskFigures taskFigures(List<TaskLine> lines) {
        List<TaskLine> work = lines.stream().filter(TaskLine::leaf).toList();
        int n = work.size();
        List<CategoryCount> byCategory = new ArrayList<>();
        for (Category c : Category.values()) {
            int count = (int) work.stream().filter(l -> l.category() == c).count();
            byCategory.add(new CategoryCount(c, c.label(), count, percent(count, n)));
        }
        return new TaskFigures(lines.size(), n, byCategory, lightCounts(work));
    }

    static List<LightCount> lightCounts(List<TaskLine> work) {
        List<LightCount> byLight = new ArrayList<>();
        for (ProgressLight.Color color : ProgressLight.Color.values()) {
            int count = (int) work.stream().filter(l -> l.light().color() == color).count();
            byLight.add(new LightCount(color, count, percent(count, work.size())));
        }
        return byLight;
    }

    /** The lights of each area's work items, areas in order of first appearance; tasks without an area under "未分专项". */
    public static List<AreaLights> lightsByArea(List<TaskLine> lines) {
        Map<String, List<TaskLine>> byArea = lines.stream().filter(TaskLine::leaf)
                .collect(Collectors.groupingBy(l -> l.areaName() == null ? "未分专项" : l.areaName(), LinkedHashMap::new, Collectors.toList()));
        return byArea.entrySet().stream().map(e -> new AreaLights(e.getValue().get(0).areaId(), e.getKey(), lightCounts(e.getValue()))).toList();
    }

    /** A count as a percentage of a total, one decimal (half up); 0 of nothing is 0. */
    public static double percent(int count, int total) {
        return total == 0 ? 0.0 : BigDecimal.valueOf(count * 100L).divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP).doubleValue();
    }

    /**
     * Reports due in the period as they stood at its end: on time, late (after the due date, the 5th), missing (no
     * submission by the end of the period); one not yet due is not expected.
     */
    public static ReportCounts reportCounts(Collection<ReportRecord> records) {
        int onTime = 0, late = 0, missing = 0;
        for (ReportRecord r : records) {
            switch (r.timeliness()) {
                case ON_TIME -> onTime++;
                case LATE -> late++;
                case MISSING -> missing++;
                default -> {
                }
            }
        }
        return new ReportCounts(onTime + late + missing, onTime, late, missing);
    }

    /**
     * Ticket items over [from, to]: issued, signed for, closed (verified and still verified at the end) on time (the
     * unit's 办结 on or before the deadline) or late, returned (every return in the period); overdue and overdue key
     * items at the end of {@code to}. The rules are the records' own.
     */
    public static ItemCounts itemCounts(Collection<ItemRecord> items, LocalDate from, LocalDate to) {
        int issued = 0, acknowledged = 0, onTime = 0, late = 0, overdue = 0, overdueKey = 0, returned = 0;
        for (ItemRecord i : items) {
            issued += i.issuedIn(from, to) ? 1 : 0;
            acknowledged += i.acknowledgedIn(from, to) ? 1 : 0;
            if (i.closedIn(from, to)) {
                if (i.closedOnTime()) {
                    onTime++;
                } else {
                    late++;
                }
            }
            if (i.overdueOn(to)) {
                overdue++;
                overdueKey += i.key() ? 1 : 0;
            }
            returned += i.returnsIn(from, to);
        }
        return new ItemCounts(issued, acknowledged, onTime, late, overdue, overdueKey, returned);
    }

    /** Cases open at the end of {@code day}. */
    public static int openCases(Collection<CaseRecord> cases, LocalDate day) {
        return (int) cases.stream().filter(c -> c.openOn(day)).count();
    }

    /** One line per unit (in the order given): its reports, its items (as lead unit) and its open cases. */
    public static List<UnitLine> unitLines(List<UnitRef> units, Collection<ReportRecord> reports, Collection<ItemRecord> items,
            Collection<CaseRecord> cases, LocalDate from, LocalDate to) {
        Map<Long, List<ReportRecord>> r = reports.stream().collect(Collectors.groupingBy(ReportRecord::unitId));
        Map<Long, List<ItemRecord>> i = items.stream().collect(Collectors.groupingBy(ItemRecord::leadUnitId));
        Map<Long, List<CaseRecord>> c = cases.stream().collect(Collectors.groupingBy(CaseRecord::unitId));
        return units.stream().map(u -> new UnitLine(u, reportCounts(r.getOrDefault(u.id(), List.of())),
                itemCounts(i.getOrDefault(u.id(), List.of()), from, to), openCases(c.getOrDefault(u.id(), List.of()), to))).toList();
    }

    /** Why a unit is named (Chinese, for the bulletin); empty when it is not. */
    public static List<String> namingReasons(UnitLine u, NamingRule rule) {
        List<String> reasons = new ArrayList<>();
        reach(reasons, u.reports().missing(), rule.missingReports(), "缺报月报%d次");
        reach(reasons, u.reports().late(), rule.lateReports(), "迟报月报%d次");
        reach(reasons, u.items().overdueKey(), rule.overdueKeyItems(), "重点交办事项逾期未办结%d项");
        reach(reasons, u.items().overdue(), rule.overdueItems(), "交办事项逾期未办结%d项");
        reach(reasons, u.items().returned(), rule.returns(), "交办事项被退回%d次");
        return reasons;
    }

    private static void reach(List<String> reasons, int count, int threshold, String text) {
        if (threshold > 0 && count >= threshold) {
            reasons.add(text.formatted(count));
        }
    }

    /** The units named, each with its reasons, in the order of the lines. */
    public static List<NamedUnit> named(List<UnitLine> lines, NamingRule rule) {
        return lines.stream().map(l -> new NamedUnit(l.unit(), namingReasons(l, rule))).filter(n -> !n.reasons().isEmpty()).toList();
    }

    /** The units that did well: at least one report due, every one on time, no overdue item, and not named. */
    public static List<UnitRef> commended(List<UnitLine> lines, NamingRule rule) {
        return lines.stream().filter(l -> l.reports().expected() > 0 && l.reports().onTime() == l.reports().expected()
                && l.items().overdue() == 0 && namingReasons(l, rule).isEmpty()).map(UnitLine::unit).toList();
    }

    /**
     * What needs a leader (the brief to the leading group): key items overdue at the end of {@code to}, most overdue
     * first. Unsettled problems above the office's level are not counted: no record says how they stood on a past day.
     */
    public static List<LeaderItem> needsLeader(Collection<ItemRecord> items, LocalDate to, Function<Long, UnitRef> unit) {
        return items.stream().filter(i -> i.key() && i.overdueOn(to))
                .sorted(java.util.Comparator.comparing(ItemRecord::deadline).thenComparing(ItemRecord::itemId))
                .map(i -> new LeaderItem(i.itemId(), i.ticketNumber(), unit.apply(i.leadUnitId()), i.deadline(),
                        ChronoUnit.DAYS.between(i.deadline(), to))).toList();
    }

    /** Every published total against the previous period's. */
    public static List<Delta> change(PeriodTotals now, PeriodTotals before) {
        List<Delta> d = new ArrayList<>();
        delta(d, "reportsOnTime", "按时报送月报", now, before, t -> t.reports().onTime());
        delta(d, "reportsLate", "迟报月报", now, before, t -> t.reports().late());
        delta(d, "reportsMissing", "缺报月报", now, before, t -> t.reports().missing());
        delta(d, "itemsIssued", "交办事项", now, before, t -> t.items().issued());
        delta(d, "itemsAcknowledged", "签收事项", now, before, t -> t.items().acknowledged());
        delta(d, "itemsClosedOnTime", "按期办结", now, before, t -> t.items().closedOnTime());
        delta(d, "itemsClosedLate", "逾期办结", now, before, t -> t.items().closedLate());
        delta(d, "itemsOverdue", "逾期未办结", now, before, t -> t.items().overdue());
        delta(d, "itemsReturned", "退回", now, before, t -> t.items().returned());
        delta(d, "openCases", "在办督办案件", now, before, PeriodTotals::openCases);
        for (Category c : Category.values()) {
            delta(d, "tasks" + c.name(), c.label(), now, before, t -> t.tasks().byCategory().stream()
                    .filter(x -> x.category() == c).mapToInt(CategoryCount::count).sum());
        }
        return d;
    }

    private static void delta(List<Delta> d, String figure, String label, PeriodTotals now, PeriodTotals before,
            java.util.function.ToIntFunction<PeriodTotals> f) {
        int a = f.applyAsInt(now);
        int b = f.applyAsInt(before);
        d.add(new Delta(figure, label, a, b, a - b));
    }

    /** The totals of many unit lines. */
    public static ReportCounts reportTotals(List<UnitLine> lines) {
        return lines.stream().map(UnitLine::reports).reduce(new ReportCounts(0, 0, 0, 0), ReportCounts::plus);
    }

    public static ItemCounts itemTotals(List<UnitLine> lines) {
        return lines.stream().map(UnitLine::items).reduce(ItemCounts.NONE, ItemCounts::plus);
    }

    /** Lines that concern a unit: it answers for the task. */
    public static List<TaskLine> tasksOf(List<TaskLine> lines, long unitId) {
        return lines.stream().filter(l -> l.responsibleUnitIds().contains(unitId)).toList();
    }

    /** Lines of the tasks shared by the three cities (a lead city is set). */
    public static List<TaskLine> sharedTasks(List<TaskLine> lines) {
        return lines.stream().filter(TaskLine::shared).toList();
    }

    static boolean same(UnitRef u, long unitId) {
        return u != null && Objects.equals(u.id(), unitId);
    }
}
