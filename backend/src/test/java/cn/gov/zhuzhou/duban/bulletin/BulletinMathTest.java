package cn.gov.zhuzhou.duban.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.zhuzhou.duban.bulletin.BulletinFigures.Category;
import cn.gov.zhuzhou.duban.bulletin.BulletinFigures.TaskLine;
import cn.gov.zhuzhou.duban.bulletin.BulletinFigures.UnitLine;
import cn.gov.zhuzhou.duban.dispatch.ItemRecord;
import cn.gov.zhuzhou.duban.dispatch.TicketItemState;
import cn.gov.zhuzhou.duban.plan.ProgressLight;
import cn.gov.zhuzhou.duban.plan.ProgressLight.Color;
import cn.gov.zhuzhou.duban.plan.TaskStanding;
import cn.gov.zhuzhou.duban.plan.TaskStatus;
import cn.gov.zhuzhou.duban.report.ReportRecord;
import cn.gov.zhuzhou.duban.report.ReportRecord.Timeliness;
import cn.gov.zhuzhou.duban.supervision.CaseRecord;
import cn.gov.zhuzhou.duban.supervision.SupervisionCase;
import cn.gov.zhuzhou.duban.unit.UnitRef;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bulletin's figures as pure functions over hand-made records (no Quarkus, no database). */
class BulletinMathTest {

    private static final LocalDate FROM = LocalDate.of(2031, 3, 1);
    private static final LocalDate TO = LocalDate.of(2031, 3, 31);
    private static final int TOLERANCE = 10;
    private static final UnitRef A = new UnitRef(1L, "U-A", "甲局", "ZZ");
    private static final UnitRef B = new UnitRef(2L, "U-B", "乙局", "ZZ");
    private static final BulletinMath.NamingRule RULE = new BulletinMath.NamingRule(1, 0, 1, 3, 2);

    private static ProgressLight light(Color c, Integer expected, int reported, Long days) {
        return new ProgressLight(c, expected, reported, days, "");
    }

    @Test
    void categoriesFollowTheExpectedProgressWithTheYellowMarginAsTolerance() {
        assertThat(BulletinMath.categorize(TaskStatus.IN_PROGRESS, 60, light(Color.GREEN, 50, 60, 30L), TOLERANCE)).isEqualTo(Category.AHEAD);
        assertThat(BulletinMath.categorize(TaskStatus.IN_PROGRESS, 50, light(Color.GREEN, 50, 50, 30L), TOLERANCE)).isEqualTo(Category.ON_SCHEDULE);
        assertThat(BulletinMath.categorize(TaskStatus.IN_PROGRESS, 40, light(Color.GREEN, 50, 40, 30L), TOLERANCE)).isEqualTo(Category.ON_SCHEDULE);
        assertThat(BulletinMath.categorize(TaskStatus.IN_PROGRESS, 39, light(Color.YELLOW, 50, 39, 30L), TOLERANCE)).isEqualTo(Category.BEHIND);
        assertThat(BulletinMath.categorize(TaskStatus.IN_PROGRESS, 99, light(Color.RED, 100, 99, -2L), TOLERANCE)).isEqualTo(Category.BEHIND);
        assertThat(BulletinMath.categorize(TaskStatus.COMPLETED, 100, light(Color.DONE, 80, 100, 20L), TOLERANCE)).isEqualTo(Category.COMPLETED_EARLY);
        assertThat(BulletinMath.categorize(TaskStatus.COMPLETED, 100, light(Color.DONE, 100, 100, 0L), TOLERANCE)).isEqualTo(Category.COMPLETED);
        assertThat(BulletinMath.categorize(TaskStatus.SUSPENDED, 20, light(Color.GREEN, 50, 20, 30L), TOLERANCE)).isEqualTo(Category.OTHER);
        assertThat(BulletinMath.categorize(TaskStatus.NOT_STARTED, 0, light(Color.GREEN, 0, 0, 90L), TOLERANCE)).isEqualTo(Category.OTHER);
        assertThat(BulletinMath.categorize(TaskStatus.IN_PROGRESS, 10, light(Color.NOT_DUE, null, 10, null), TOLERANCE)).isEqualTo(Category.OTHER);
    }

    @Test
    void overallFiguresCountWorkItemsWithPercentages() {
        TaskStanding parent = new TaskStanding(10, 1, "T1", "父任务", 5L, "交通共建", null, false, null, List.of(1L), TaskStatus.IN_PROGRESS, 50,
                light(Color.GREEN, 50, 50, 30L));
        TaskStanding ahead = new TaskStanding(11, 1, "T1.1", "子任务一", 5L, "交通共建", 10L, true, "CS", List.of(1L), TaskStatus.IN_PROGRESS, 70,
                light(Color.GREEN, 50, 70, 30L));
        TaskStanding behind = new TaskStanding(12, 1, "T1.2", "子任务二", 5L, "交通共建", 10L, true, null, List.of(2L), TaskStatus.IN_PROGRESS, 20,
                light(Color.RED, 50, 20, 30L));
        TaskStanding done = new TaskStanding(13, 1, "T2", "任务二", null, null, null, true, null, List.of(2L), TaskStatus.COMPLETED, 100,
                light(Color.DONE, 100, 100, 0L));
        List<TaskLine> lines = List.of(parent, ahead, behind, done).stream().map(t -> BulletinMath.taskLine(t, null, TOLERANCE)).toList();
        var f = BulletinMath.taskFigures(lines);
        assertThat(f.tasks()).isEqualTo(4);
        assertThat(f.workItems()).isEqualTo(3);
        assertThat(f.byCategory()).extracting(c -> c.category() + "=" + c.count() + "/" + c.percent())
                .containsExactly("AHEAD=1/33.3", "ON_SCHEDULE=0/0.0", "BEHIND=1/33.3", "COMPLETED=1/33.3", "COMPLETED_EARLY=0/0.0", "OTHER=0/0.0");
        assertThat(f.byLight()).extracting(l -> l.light() + "=" + l.count()).containsExactly("GREEN=1", "YELLOW=0", "RED=1", "DONE=1", "NOT_DUE=0");
        assertThat(BulletinMath.lightsByArea(lines)).extracting(BulletinFigures.AreaLights::areaName).containsExactly("交通共建", "未分专项");
        assertThat(BulletinMath.sharedTasks(lines)).extracting(TaskLine::taskId).containsExactly(11L);
        assertThat(BulletinMath.tasksOf(lines, 2L)).extracting(TaskLine::taskId).containsExactly(12L, 13L);
    }

    @Test
    void unitLinesCountReportsItemsAndCasesThenNameAndCommend() {
        YearMonth feb = YearMonth.of(2031, 2);
        LocalDate due = LocalDate.of(2031, 3, 5);
        List<ReportRecord> reports = List.of(
                new ReportRecord(1, feb, due, 100L, Timeliness.ON_TIME, due, 0),
                new ReportRecord(2, feb, due, null, Timeliness.MISSING, null, 0));
        List<ItemRecord> items = List.of(
                // A: issued, signed, done on 03-10 before its deadline 03-15, verified 03-20: closed on time
                new ItemRecord(1, "交办〔2031〕1号", 1, 1, false, LocalDate.of(2031, 3, 15), LocalDate.of(2031, 3, 2), LocalDate.of(2031, 3, 3),
                        LocalDate.of(2031, 3, 10), LocalDate.of(2031, 3, 20), List.of(), TicketItemState.VERIFIED),
                // B: key item, deadline 03-20, returned twice, not verified by 03-31: overdue (key)
                new ItemRecord(2, "交办〔2031〕1号", 2, 2, true, LocalDate.of(2031, 3, 20), LocalDate.of(2031, 3, 2), LocalDate.of(2031, 3, 4),
                        LocalDate.of(2031, 3, 25), null, List.of(LocalDate.of(2031, 3, 12), LocalDate.of(2031, 3, 22)), TicketItemState.DONE_REPORTED),
                // B: done 03-25 after its deadline 03-18, verified 03-28: closed late
                new ItemRecord(3, "交办〔2031〕1号", 3, 2, false, LocalDate.of(2031, 3, 18), LocalDate.of(2031, 3, 2), null,
                        LocalDate.of(2031, 3, 25), LocalDate.of(2031, 3, 28), List.of(), TicketItemState.VERIFIED));
        List<CaseRecord> cases = List.of(
                new CaseRecord(1, 2, 2, SupervisionCase.Reason.KEY, LocalDate.of(2031, 3, 2), null),
                new CaseRecord(2, 1, 1, SupervisionCase.Reason.MANUAL, LocalDate.of(2031, 3, 5), LocalDate.of(2031, 3, 20)));
        List<UnitLine> lines = BulletinMath.unitLines(List.of(A, B), reports, items, cases, FROM, TO);
        UnitLine a = lines.get(0);
        UnitLine b = lines.get(1);
        assertThat(a.reports()).isEqualTo(new BulletinFigures.ReportCounts(1, 1, 0, 0));
        assertThat(a.items()).isEqualTo(new BulletinFigures.ItemCounts(1, 1, 1, 0, 0, 0, 0));
        assertThat(a.openCases()).isZero();
        assertThat(b.reports()).isEqualTo(new BulletinFigures.ReportCounts(1, 0, 0, 1));
        assertThat(b.items()).isEqualTo(new BulletinFigures.ItemCounts(2, 1, 0, 1, 1, 1, 2));
        assertThat(b.openCases()).isEqualTo(1);
        assertThat(BulletinMath.named(lines, RULE)).singleElement().satisfies(n -> {
            assertThat(n.unit()).isEqualTo(B);
            assertThat(n.reasons()).containsExactly("缺报月报1次", "重点交办事项逾期未办结1项", "交办事项被退回2次");
        });
        assertThat(BulletinMath.commended(lines, RULE)).containsExactly(A);
        assertThat(BulletinMath.needsLeader(items, TO, id -> id == 1 ? A : B)).singleElement()
                .satisfies(i -> assertThat(i.daysOverdue()).isEqualTo(11));
        assertThat(BulletinMath.reportTotals(lines)).isEqualTo(new BulletinFigures.ReportCounts(2, 1, 0, 1));
        assertThat(BulletinMath.itemTotals(lines).returned()).isEqualTo(2);
        assertThat(BulletinMath.namingReasons(b, new BulletinMath.NamingRule(0, 0, 0, 0, 3))).isEmpty();
    }

    @Test
    void theChangeIsCurrentMinusPrevious() {
        var empty = new BulletinFigures.TaskFigures(0, 0, List.of(), List.of());
        var now = new BulletinFigures.PeriodTotals("2031-Q2", empty, new BulletinFigures.ReportCounts(6, 4, 1, 1),
                new BulletinFigures.ItemCounts(3, 3, 1, 1, 1, 1, 2), 2);
        var before = new BulletinFigures.PeriodTotals("2031-Q1", empty, new BulletinFigures.ReportCounts(6, 6, 0, 0),
                BulletinFigures.ItemCounts.NONE, 0);
        assertThat(BulletinMath.change(now, before)).filteredOn(d -> d.figure().equals("reportsLate")).singleElement()
                .satisfies(d -> assertThat(d.change()).isEqualTo(1));
        assertThat(BulletinMath.change(now, before)).filteredOn(d -> d.figure().equals("reportsOnTime")).singleElement()
                .satisfies(d -> assertThat(d.change()).isEqualTo(-2));
        assertThat(BulletinMath.percent(2, 3)).isEqualTo(66.7);
        assertThat(BulletinMath.percent(0, 0)).isZero();
    }
}
