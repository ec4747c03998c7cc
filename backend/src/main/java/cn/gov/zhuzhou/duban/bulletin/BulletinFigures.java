package cn.gov.zhuzhou.duban.bulletin;

import cn.gov.zhuzhou.duban.plan.ProgressLight;
import cn.gov.zhuzhou.duban.plan.TaskStatus;
import cn.gov.zhuzhou.duban.publication.PublicationKind;
import cn.gov.zhuzhou.duban.report.Track;
import cn.gov.zhuzhou.duban.unit.UnitRef;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The figures of a monthly bulletin (通报), a monthly brief (简报) and a quarterly or half-year summary (小结, 总结), as
 * they are stored when generated and read back unchanged once published. Plain records: what the JSON holds.
 */
public final class BulletinFigures {

    private BulletinFigures() {
    }

    /**
     * How a work item stands against its expected progress (序时进度) on the day, as published bulletins count them
     * (DOMAIN.md, "Bulletins in practice").
     */
    @Schema(name = "TaskStandingCategory", description = "AHEAD 超序时进度, ON_SCHEDULE 达序时进度, BEHIND 滞后序时进度 (or overdue), "
            + "COMPLETED 已完成, COMPLETED_EARLY 提前完成 (completed while its deadline is still ahead), OTHER 其他 (not yet due to start, suspended, no deadline).")
    public enum Category {
        AHEAD("超序时进度"),
        ON_SCHEDULE("达序时进度"),
        BEHIND("滞后序时进度"),
        COMPLETED("已完成"),
        COMPLETED_EARLY("提前完成"),
        OTHER("其他");

        private final String label;

        Category(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Schema(name = "BulletinCategoryCount", requiredProperties = {"category", "label", "count", "percent"}, description = "Work items in one category, and their share of all.")
    public record CategoryCount(@Schema(example = "BEHIND") Category category, @Schema(example = "滞后序时进度") String label,
            @Schema(example = "3") int count, @Schema(example = "12.5", description = "Percent of all work items, one decimal.") double percent) {
    }

    @Schema(name = "BulletinLightCount", requiredProperties = {"light", "count", "percent"}, description = "Work items with one light, and their share of all.")
    public record LightCount(@Schema(example = "RED") ProgressLight.Color light, @Schema(example = "2") int count,
            @Schema(example = "8.3") double percent) {
    }

    @Schema(name = "BulletinTaskFigures", requiredProperties = {"tasks", "workItems", "byCategory", "byLight"},
            description = "Overall figures first: tasks, work items (tasks without sub-tasks), and how the work items stand, each as a count and a percentage.")
    public record TaskFigures(@Schema(example = "29") int tasks, @Schema(example = "24") int workItems, List<CategoryCount> byCategory,
            List<LightCount> byLight) {
    }

    @Schema(name = "BulletinReportLine", requiredProperties = {"unitId", "month", "workDone", "progressPercent", "track", "submittedOn"},
            description = "A task's latest report entry submitted by the bulletin's day.")
    public record ReportLine(@Schema(example = "12") long unitId, @Schema(example = "市交通运输局") String unitName,
            @Schema(example = "2026-10", description = "The month reported, yyyy-MM.") String month,
            @Schema(example = "完成可研批复") String workDone, @Schema(example = "60") int progressPercent, @Schema(example = "ON_TRACK") Track track,
            @Schema(example = "2026-11-04") LocalDate submittedOn) {
    }

    @Schema(name = "BulletinTaskLine", requiredProperties = {"taskId", "code", "title", "leaf", "shared", "responsibleUnitIds", "status", "progressPercent", "category", "light"},
            description = "One task with its light on the bulletin's day and its latest report.")
    public record TaskLine(@Schema(example = "41") long taskId, @Schema(example = "N5.1") String code, @Schema(example = "推进长株潭城际轨道建设") String title,
            @Schema(example = "2") Long areaId, @Schema(example = "交通共建") String areaName, @Schema(example = "40") Long parentId,
            @Schema(example = "true", description = "A work item: a task without sub-tasks.") boolean leaf,
            @Schema(example = "true", description = "Shared by the three cities (a lead city is set).") boolean shared,
            @Schema(example = "CS") String crossCityLeadCityCode,
            @Schema(example = "[12, 13]", description = "Units that answer for it as LEAD or MAIN.") List<Long> responsibleUnitIds,
            @Schema(example = "IN_PROGRESS") TaskStatus status, @Schema(example = "60") int progressPercent,
            @Schema(example = "ON_SCHEDULE") Category category, ProgressLight light, ReportLine latestReport) {
    }

    @Schema(name = "BulletinReportCounts", requiredProperties = {"expected", "onTime", "late", "missing"},
            description = "Monthly reports due in the period (the 5th of the month after the one reported): on time, late (after the 5th), missing at the period's end.")
    public record ReportCounts(@Schema(example = "12") int expected, @Schema(example = "10") int onTime, @Schema(example = "1") int late,
            @Schema(example = "1") int missing) {

        public ReportCounts plus(ReportCounts o) {
            return new ReportCounts(expected + o.expected, onTime + o.onTime, late + o.late, missing + o.missing);
        }
    }

    @Schema(name = "BulletinItemCounts", requiredProperties = {"issued", "acknowledged", "closedOnTime", "closedLate", "overdue", "overdueKey", "returned"},
            description = "Ticket items: issued, signed for, closed on time and closed late (verified) in the period; overdue (and overdue key items) at its end; returns in it.")
    public record ItemCounts(@Schema(example = "4") int issued, @Schema(example = "4") int acknowledged, @Schema(example = "2") int closedOnTime,
            @Schema(example = "1") int closedLate, @Schema(example = "1") int overdue, @Schema(example = "1") int overdueKey,
            @Schema(example = "1") int returned) {

        public static final ItemCounts NONE = new ItemCounts(0, 0, 0, 0, 0, 0, 0);

        public ItemCounts plus(ItemCounts o) {
            return new ItemCounts(issued + o.issued, acknowledged + o.acknowledged, closedOnTime + o.closedOnTime, closedLate + o.closedLate,
                    overdue + o.overdue, overdueKey + o.overdueKey, returned + o.returned);
        }
    }

    @Schema(name = "BulletinUnitLine", requiredProperties = {"unit", "reports", "items", "openCases"}, description = "One unit's figures.")
    public record UnitLine(UnitRef unit, ReportCounts reports, ItemCounts items, @Schema(example = "1", description = "Supervision cases open at the period's end on items it leads.") int openCases) {
    }

    @Schema(name = "BulletinNamedUnit", requiredProperties = {"unit", "reasons"}, description = "A unit named for failing its targets, with the reasons (the rule in configuration duban.bulletin.naming.*).")
    public record NamedUnit(UnitRef unit, @Schema(example = "[\"缺报月报1次\", \"交办事项被退回2次\"]") List<String> reasons) {
    }

    @Schema(name = "BulletinCaseLine", requiredProperties = {"caseId", "itemId", "unitId", "reason", "openedOn"}, description = "A supervision case open at the period's end.")
    public record CaseLine(@Schema(example = "3") long caseId, @Schema(example = "9") long itemId, @Schema(example = "12") long unitId,
            @Schema(example = "市交通运输局") String unitName, @Schema(example = "KEY") String reason, @Schema(example = "2026-11-03") LocalDate openedOn) {
    }

    @Schema(name = "BulletinLeaderItem", requiredProperties = {"itemId", "ticketNumber", "unit", "deadline", "daysOverdue"},
            description = "An overdue key item at the period's end: what needs a leader's attention.")
    public record LeaderItem(@Schema(example = "9") long itemId, @Schema(example = "交办〔2026〕3号") String ticketNumber, UnitRef unit,
            @Schema(example = "2026-11-20") LocalDate deadline, @Schema(example = "10") long daysOverdue) {
    }

    @Schema(name = "BulletinAreaLights", requiredProperties = {"areaName", "byLight"}, description = "The lights of an area's work items.")
    public record AreaLights(@Schema(example = "2") Long areaId, @Schema(example = "交通共建") String areaName, List<LightCount> byLight) {
    }

    @Schema(name = "MonthlyBulletinContent", requiredProperties = {"kind", "planId", "planTitle", "period", "periodStart", "asOf", "tasks", "taskLines"},
            description = "The monthly bulletin (通报): overall figures, every task with its light and latest report, reports and ticket items per unit, "
                    + "open supervision cases, the units named and the units that did well. A unit reads its own lines; a partner the shared tasks only.")
    public record MonthlyBulletin(@Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, implementation = String.class, enumeration = "MONTHLY_BULLETIN", example = "MONTHLY_BULLETIN") PublicationKind kind, @Schema(example = "1") long planId,
            @Schema(example = "株洲市长株潭一体化行动方案") String planTitle, @Schema(example = "2026-11") String period,
            @Schema(example = "2026-11-01") LocalDate periodStart, @Schema(example = "2026-11-30") LocalDate asOf,
            TaskFigures tasks, List<TaskLine> taskLines, ReportCounts reports, ItemCounts items,
            @Schema(example = "2") Integer openCases, List<UnitLine> units, List<CaseLine> cases, List<NamedUnit> named,
            @Schema(description = "Units that did well: every report on time, no overdue item.") List<UnitRef> commended) {
    }

    @Schema(name = "MonthlyBriefContent", requiredProperties = {"kind", "planId", "planTitle", "period", "periodStart", "asOf", "tasks", "lightsByArea"},
            description = "The monthly brief (简报) to the leading group: counts, lights by area, the units named, and the items that need a leader (overdue key items).")
    public record MonthlyBrief(@Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, implementation = String.class, enumeration = "MONTHLY_BRIEF", example = "MONTHLY_BRIEF") PublicationKind kind, @Schema(example = "1") long planId,
            @Schema(example = "株洲市长株潭一体化行动方案") String planTitle, @Schema(example = "2026-11") String period,
            @Schema(example = "2026-11-01") LocalDate periodStart, @Schema(example = "2026-11-30") LocalDate asOf,
            TaskFigures tasks, List<AreaLights> lightsByArea,
            @Schema(description = "The figures of the tasks shared by the three cities (what a partner reads as tasks).") TaskFigures sharedTasks,
            ReportCounts reports, ItemCounts items, @Schema(example = "2") Integer openCases, List<NamedUnit> named, List<LeaderItem> needsLeader) {
    }

    @Schema(name = "BulletinPeriodTotals", requiredProperties = {"period", "tasks", "reports", "items", "openCases"}, description = "The totals of a period.")
    public record PeriodTotals(@Schema(example = "2026-Q3") String period, TaskFigures tasks, ReportCounts reports, ItemCounts items,
            @Schema(example = "2") int openCases) {
    }

    @Schema(name = "BulletinDelta", requiredProperties = {"figure", "label", "current", "previous", "change"}, description = "One figure against the previous period.")
    public record Delta(@Schema(example = "reportsLate") String figure, @Schema(example = "迟报月报") String label, @Schema(example = "3") int current,
            @Schema(example = "1") int previous, @Schema(example = "2") int change) {
    }

    @Schema(name = "BulletinRoundLateUnit", requiredProperties = {"unit", "overdueItems", "lateReportMonths"}, description = "A late unit of the quarterly supervision round.")
    public record RoundLateUnit(UnitRef unit, @Schema(example = "1") int overdueItems, @Schema(example = "[\"2026-08\"]") List<String> lateReportMonths) {
    }

    @Schema(name = "BulletinSupervisionRound", requiredProperties = {"quarter", "openCases", "lateUnits"},
            description = "The quarterly supervision round (main text 三.(三)) as it stood when the summary was generated.")
    public record Round(@Schema(example = "2026-Q3") String quarter, List<CaseLine> openCases, List<RoundLateUnit> lateUnits) {
    }

    @Schema(name = "PeriodSummaryContent", requiredProperties = {"kind", "planId", "planTitle", "period", "periodStart", "asOf", "tasks", "taskLines"},
            description = "A quarterly (小结) or half-year (总结) summary: the bulletin's figures over the period, the previous period's totals and "
                    + "the change; a quarterly one also carries the quarterly supervision round.")
    public record PeriodSummary(@Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, implementation = String.class, enumeration = {"QUARTERLY_SUMMARY", "HALF_YEAR_SUMMARY"}, example = "QUARTERLY_SUMMARY") PublicationKind kind, @Schema(example = "1") long planId,
            @Schema(example = "株洲市长株潭一体化行动方案") String planTitle, @Schema(example = "2026-Q3") String period,
            @Schema(example = "2026-07-01") LocalDate periodStart, @Schema(example = "2026-09-30") LocalDate asOf,
            TaskFigures tasks, List<TaskLine> taskLines, ReportCounts reports, ItemCounts items, @Schema(example = "2") Integer openCases,
            List<UnitLine> units, List<CaseLine> cases, List<NamedUnit> named, List<UnitRef> commended, PeriodTotals previous,
            List<Delta> change, Round round) {
    }
}
