package cn.gov.zhuzhou.duban.assessment;

import cn.gov.zhuzhou.duban.dispatch.ItemRecord;
import cn.gov.zhuzhou.duban.dispatch.ItemRecords;
import cn.gov.zhuzhou.duban.plan.CompletionRecords;
import cn.gov.zhuzhou.duban.plan.TaskService;
import cn.gov.zhuzhou.duban.report.ReportRecord;
import cn.gov.zhuzhou.duban.report.ReportRecords;
import cn.gov.zhuzhou.duban.supervision.CaseRecord;
import cn.gov.zhuzhou.duban.supervision.CaseRecords;
import cn.gov.zhuzhou.duban.supervision.SupervisionCase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The records of a year that count in the annual assessment, as they stood on a day, turned into facts per unit. Reads
 * only the features' record reads (projections), once each: reports due in the year, ticket items and supervision
 * cases over the year, task and milestone completions.
 */
@ApplicationScoped
public class AssessmentFacts {

    /** The units assessed and each one's facts. */
    public record Collected(Set<Long> unitIds, Map<Long, List<AssessmentFact>> byUnit) {
    }

    private final ReportRecords reports;
    private final ItemRecords items;
    private final CaseRecords cases;
    private final CompletionRecords completions;
    private final TaskService tasks;

    AssessmentFacts(ReportRecords reports, ItemRecords items, CaseRecords cases, CompletionRecords completions, TaskService tasks) {
        this.reports = reports;
        this.items = items;
        this.cases = cases;
        this.completions = completions;
        this.tasks = tasks;
    }

    /**
     * The facts of {@code year} as they stood at the end of {@code asOf} (the year's last day, or today while it runs).
     * Assessed: every unit answering for a task as lead or main (牵头单位、主要责任单位: they report monthly under annex 2
     * rule 5 and answer for the task's completion; 配合单位 neither report nor answer for it, so they would rank on an
     * untouched base score), plus every unit expected to report or leading a ticket item in the year; only Zhuzhou units are ranked (the service keeps them).
     */
    public Collected collect(int year, LocalDate asOf) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        Set<Long> unitIds = new TreeSet<>(tasks.reportingUnitIds());
        Map<Long, List<AssessmentFact>> byUnit = new TreeMap<>();

        for (ReportRecord r : reports.reportRecords(from, yearEnd, asOf)) {
            unitIds.add(r.unitId());
            AssessmentFact f = reportFact(r, asOf);
            if (f != null) {
                add(byUnit, r.unitId(), f);
            }
        }
        for (ItemRecord i : items.itemRecords(from, asOf)) {
            unitIds.add(i.leadUnitId());
            itemFacts(i, from, asOf).forEach(f -> add(byUnit, i.leadUnitId(), f));
        }
        // the case a key item gets on issue is no failing of the unit's: a key item costs points when it is overdue
        for (CaseRecord c : cases.caseRecords(from, asOf)) {
            if (c.openedIn(from, asOf) && c.reason() != SupervisionCase.Reason.KEY) {
                add(byUnit, c.unitId(), AssessmentFact.of(AssessmentRule.SUPERVISION_CASE, RecordType.SUPERVISION_CASE, c.caseId(),
                        "督查督办案件 " + c.caseId(), c.openedOn(),
                        "交办事项 " + c.itemId() + " 于 " + c.openedOn() + " 被立案督查督办（" + reasonLabel(c) + "）"));
            }
        }
        for (CompletionRecords.TaskCompletion t : completions.taskCompletions(from, asOf)) {
            for (long unit : t.responsibleUnitIds()) {
                add(byUnit, unit, AssessmentFact.of(AssessmentRule.TASK_COMPLETED, RecordType.TASK, t.taskId(), t.code(), t.completedOn(),
                        "任务 " + t.code() + "「" + t.title() + "」于 " + t.completedOn() + " 报告完成"));
            }
        }
        for (CompletionRecords.MilestoneRecord m : completions.milestoneRecords(from, asOf)) {
            AssessmentFact f = m.metOnTime()
                    ? AssessmentFact.of(AssessmentRule.MILESTONE_ON_TIME, RecordType.MILESTONE, m.milestoneId(), m.taskCode() + " " + m.title(),
                            m.completedOn(), "任务 " + m.taskCode() + " 节点「" + m.title() + "」计划 " + m.dueDate() + " 完成，" + m.completedOn() + " 完成")
                    : m.missedOn(asOf)
                            ? AssessmentFact.of(AssessmentRule.MILESTONE_MISSED, RecordType.MILESTONE, m.milestoneId(), m.taskCode() + " " + m.title(),
                                    m.dueDate(), "任务 " + m.taskCode() + " 节点「" + m.title() + "」计划 " + m.dueDate() + " 完成，"
                                            + (m.completedOn() == null ? "截至 " + asOf + " 未完成" : m.completedOn() + " 才完成"))
                            : null;
            if (f != null) {
                m.responsibleUnitIds().forEach(unit -> add(byUnit, unit, f));
            }
        }
        unitIds.addAll(byUnit.keySet());
        return new Collected(unitIds, byUnit);
    }

    /** Annex 2, rule 5: a month's report is due on the 5th of the next month; a report not yet due counts for nothing. */
    static AssessmentFact reportFact(ReportRecord r, LocalDate asOf) {
        String ref = r.month() + " 月报";
        return switch (r.timeliness()) {
            case ON_TIME -> AssessmentFact.of(AssessmentRule.REPORT_ON_TIME, RecordType.MONTHLY_REPORT, r.reportId(), ref, r.submittedOn(),
                    ref + "应于 " + r.dueDate() + " 前报送，" + r.submittedOn() + " 报送");
            case LATE -> new AssessmentFact(AssessmentRule.REPORT_LATE, RecordType.MONTHLY_REPORT, r.reportId(), ref, r.submittedOn(), r.daysLate(),
                    ref + "应于 " + r.dueDate() + " 前报送，" + r.submittedOn() + " 报送，逾期 " + r.daysLate() + " 天");
            case MISSING -> AssessmentFact.of(AssessmentRule.REPORT_MISSING, RecordType.MONTHLY_REPORT, r.reportId(), ref, r.dueDate(),
                    ref + "应于 " + r.dueDate() + " 前报送，截至 " + asOf + " 未报送");
            case NOT_DUE -> null;
        };
    }

    /** An item's facts in the year: its closing (on time or late), each return, and being overdue on the assessment day. */
    static List<AssessmentFact> itemFacts(ItemRecord i, LocalDate from, LocalDate asOf) {
        List<AssessmentFact> out = new ArrayList<>();
        String ref = i.ticketNumber() + " 事项 " + i.itemId();
        if (i.closedIn(from, asOf)) {
            boolean onTime = i.closedOnTime();
            out.add(AssessmentFact.of(onTime ? AssessmentRule.ITEM_CLOSED_ON_TIME : AssessmentRule.ITEM_CLOSED_LATE, RecordType.TICKET_ITEM,
                    i.itemId(), ref, i.verifiedOn(), ref + " 期限 " + i.deadline() + "，" + i.doneReportedOn() + " 报办结，" + i.verifiedOn()
                            + " 核验通过" + (onTime ? "" : "（逾期办结）")));
        }
        for (LocalDate returned : i.returnedOn()) {
            if (!returned.isBefore(from) && !returned.isAfter(asOf)) {
                out.add(AssessmentFact.of(AssessmentRule.ITEM_RETURNED, RecordType.TICKET_ITEM, i.itemId(), ref, returned,
                        ref + " 的办结于 " + returned + " 被退回"));
            }
        }
        if (i.overdueOn(asOf)) {
            out.add(AssessmentFact.of(i.key() ? AssessmentRule.KEY_ITEM_OVERDUE : AssessmentRule.ITEM_OVERDUE, RecordType.TICKET_ITEM, i.itemId(),
                    ref, i.deadline(), ref + (i.key() ? "（重点事项）" : "") + " 期限 " + i.deadline() + "，截至 " + asOf + " 未办结"));
        }
        return out;
    }

    private static String reasonLabel(CaseRecord c) {
        return switch (c.reason()) {
            case KEY -> "重点事项";
            case OVERDUE -> "逾期未办结";
            case MANUAL -> "督查室立案";
        };
    }

    private static void add(Map<Long, List<AssessmentFact>> byUnit, long unitId, AssessmentFact f) {
        byUnit.computeIfAbsent(unitId, k -> new ArrayList<>()).add(f);
    }
}
