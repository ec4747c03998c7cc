package cn.gov.zhuzhou.duban.plan;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.zhuzhou.duban.plan.ProgressLight.Color;
import cn.gov.zhuzhou.duban.plan.ProgressLight.Margins;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** 序时进度 and the three lights as pure rules: a task running through 2026 (start 1 Jan, deadline 31 Dec, 364 days). */
class ProgressLightTest {

    static final Margins M = new Margins(10, 25, 7, 3);
    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final LocalDate DEADLINE = LocalDate.of(2026, 12, 31);
    /** 182 of 364 days gone: halfway. */
    static final LocalDate MIDYEAR = LocalDate.of(2026, 7, 2);

    @Test
    void expectedProgressIsLinearFromTheStartToTheDeadlineClamped() {
        assertThat(ProgressLight.expectedPercent(START, DEADLINE, MIDYEAR)).isEqualTo(50);
        assertThat(ProgressLight.expectedPercent(START, DEADLINE, LocalDate.of(2025, 12, 1))).isZero();
        assertThat(ProgressLight.expectedPercent(START, DEADLINE, START)).isZero();
        assertThat(ProgressLight.expectedPercent(START, DEADLINE, DEADLINE)).isEqualTo(100);
        assertThat(ProgressLight.expectedPercent(START, DEADLINE, LocalDate.of(2027, 3, 1))).isEqualTo(100);
        // no start: nothing is expected before the deadline
        assertThat(ProgressLight.expectedPercent(null, DEADLINE, MIDYEAR)).isZero();
    }

    @Test
    void onTrackIsGreenWithItsWhy() {
        ProgressLight l = ProgressLight.ofTask(START, DEADLINE, TaskStatus.IN_PROGRESS, 45, MIDYEAR, M);
        assertThat(l.color()).isEqualTo(Color.GREEN);
        assertThat(l.expectedPercent()).isEqualTo(50);
        assertThat(l.reportedPercent()).isEqualTo(45);
        assertThat(l.daysToDeadline()).isEqualTo(182);
        assertThat(l.reason()).isEqualTo("按序时进度推进");
    }

    @Test
    void behindByMoreThanTheYellowMarginIsYellowAndExactlyTheMarginIsStillGreen() {
        assertThat(ProgressLight.ofTask(START, DEADLINE, TaskStatus.IN_PROGRESS, 40, MIDYEAR, M).color()).isEqualTo(Color.GREEN);
        ProgressLight l = ProgressLight.ofTask(START, DEADLINE, TaskStatus.IN_PROGRESS, 39, MIDYEAR, M);
        assertThat(l.color()).isEqualTo(Color.YELLOW);
        assertThat(l.reason()).isEqualTo("落后序时进度11个百分点");
    }

    @Test
    void behindByMoreThanTheRedMarginIsRed() {
        assertThat(ProgressLight.ofTask(START, DEADLINE, TaskStatus.IN_PROGRESS, 25, MIDYEAR, M).color()).isEqualTo(Color.YELLOW);
        ProgressLight l = ProgressLight.ofTask(START, DEADLINE, TaskStatus.NOT_STARTED, 24, MIDYEAR, M);
        assertThat(l.color()).isEqualTo(Color.RED);
        assertThat(l.reason()).isEqualTo("落后序时进度26个百分点");
    }

    @Test
    void withinTheNearDaysOfTheDeadlineIsYellowEvenOnTrack() {
        ProgressLight near = ProgressLight.ofTask(START, DEADLINE, TaskStatus.IN_PROGRESS, 99, LocalDate.of(2026, 12, 24), M);
        assertThat(near.color()).isEqualTo(Color.YELLOW);
        assertThat(near.daysToDeadline()).isEqualTo(7);
        assertThat(near.reason()).isEqualTo("距截止日期还有7天");
        assertThat(ProgressLight.ofTask(START, DEADLINE, TaskStatus.IN_PROGRESS, 99, LocalDate.of(2026, 12, 23), M).color())
                .isEqualTo(Color.GREEN);
        assertThat(ProgressLight.ofTask(START, DEADLINE, TaskStatus.IN_PROGRESS, 100, DEADLINE, M).reason()).isEqualTo("今日到期");
    }

    @Test
    void pastTheDeadlineAndNotCompletedIsRed() {
        ProgressLight l = ProgressLight.ofTask(START, DEADLINE, TaskStatus.IN_PROGRESS, 100, LocalDate.of(2027, 1, 3), M);
        assertThat(l.color()).isEqualTo(Color.RED);
        assertThat(l.daysToDeadline()).isEqualTo(-3);
        assertThat(l.expectedPercent()).isEqualTo(100);
        assertThat(l.reason()).isEqualTo("已逾期3天");
    }

    @Test
    void aCompletedTaskIsDoneNotGreenEvenPastItsDeadline() {
        ProgressLight l = ProgressLight.ofTask(START, DEADLINE, TaskStatus.COMPLETED, 100, LocalDate.of(2027, 2, 1), M);
        assertThat(l.color()).isEqualTo(Color.DONE);
        assertThat(l.reason()).isEqualTo("已完成");
    }

    @Test
    void aTaskWithoutADeadlineIsNotDue() {
        ProgressLight l = ProgressLight.ofTask(START, null, TaskStatus.IN_PROGRESS, 10, MIDYEAR, M);
        assertThat(l.color()).isEqualTo(Color.NOT_DUE);
        assertThat(l.expectedPercent()).isNull();
        assertThat(l.daysToDeadline()).isNull();
        assertThat(l.reportedPercent()).isEqualTo(10);
    }

    @Test
    void ticketItemsAreDoneWhenVerifiedRedOverdueYellowNearTheirDeadlineElseGreen() {
        LocalDate due = LocalDate.of(2026, 12, 31);
        assertThat(ProgressLight.ofItem(due, true, LocalDate.of(2027, 1, 5), M).color()).isEqualTo(Color.DONE);
        ProgressLight overdue = ProgressLight.ofItem(due, false, LocalDate.of(2027, 1, 5), M);
        assertThat(overdue.color()).isEqualTo(Color.RED);
        assertThat(overdue.daysToDeadline()).isEqualTo(-5);
        assertThat(overdue.reason()).isEqualTo("已逾期5天");
        ProgressLight near = ProgressLight.ofItem(due, false, LocalDate.of(2026, 12, 28), M);
        assertThat(near.color()).isEqualTo(Color.YELLOW);
        assertThat(near.reason()).isEqualTo("距截止日期还有3天");
        ProgressLight green = ProgressLight.ofItem(due, false, LocalDate.of(2026, 12, 27), M);
        assertThat(green.color()).isEqualTo(Color.GREEN);
        assertThat(green.daysToDeadline()).isEqualTo(4);
        assertThat(green.expectedPercent()).isNull();
        assertThat(ProgressLight.ofItem(null, false, LocalDate.of(2026, 12, 27), M).color()).isEqualTo(Color.NOT_DUE);
    }

    // ---- milestones with a planned percent, and the start date ----

    static final java.util.List<ProgressLight.PlannedPoint> PLANNED = java.util.List.of(
            // given out of order: the rule orders them by date
            new ProgressLight.PlannedPoint(LocalDate.of(2026, 9, 30), 80),
            new ProgressLight.PlannedPoint(LocalDate.of(2026, 3, 31), 20));

    @Test
    void expectedProgressFollowsThePlannedMilestonesLinearlyBetweenThem() {
        // 1 Jan -> 31 Mar (89 days) 0 -> 20
        assertThat(ProgressLight.expectedPercent(START, DEADLINE, PLANNED, START)).isZero();
        assertThat(ProgressLight.expectedPercent(START, DEADLINE, PLANNED, LocalDate.of(2026, 2, 14))).isEqualTo(10); // 44/89*20 = 9.9
        assertThat(ProgressLight.expectedPercent(START, DEADLINE, PLANNED, LocalDate.of(2026, 3, 31))).isEqualTo(20);
        // 31 Mar -> 30 Sep (183 days) 20 -> 80: 30 Jun is 91 days in, 20 + 60*91/183 = 49.8
        assertThat(ProgressLight.expectedPercent(START, DEADLINE, PLANNED, LocalDate.of(2026, 6, 30))).isEqualTo(50);
        assertThat(ProgressLight.expectedPercent(START, DEADLINE, PLANNED, LocalDate.of(2026, 9, 30))).isEqualTo(80);
        // 30 Sep -> 31 Dec (92 days) 80 -> 100: 15 Nov is 46 days in, 90
        assertThat(ProgressLight.expectedPercent(START, DEADLINE, PLANNED, LocalDate.of(2026, 11, 15))).isEqualTo(90);
        assertThat(ProgressLight.expectedPercent(START, DEADLINE, PLANNED, DEADLINE)).isEqualTo(100);
        assertThat(ProgressLight.expectedPercent(START, DEADLINE, PLANNED, LocalDate.of(2025, 6, 1))).isZero();
        // without milestones the same 31 Mar expects 89/364 = 24 %
        assertThat(ProgressLight.expectedPercent(START, DEADLINE, java.util.List.of(), LocalDate.of(2026, 3, 31))).isEqualTo(24);
    }

    @Test
    void aLaterStartDateShiftsTheExpectedProgress() {
        LocalDate start = LocalDate.of(2026, 7, 2); // 182 days to the deadline
        assertThat(ProgressLight.expectedPercent(start, DEADLINE, MIDYEAR)).isZero();
        assertThat(ProgressLight.expectedPercent(start, DEADLINE, LocalDate.of(2026, 10, 1))).isEqualTo(50); // 91/182
        assertThat(ProgressLight.expectedPercent(start, DEADLINE, LocalDate.of(2026, 5, 1))).isZero();
        // a milestone before the start does not count; one on the start day starts the curve there
        assertThat(ProgressLight.expectedPercent(start, DEADLINE,
                java.util.List.of(new ProgressLight.PlannedPoint(LocalDate.of(2026, 3, 1), 90)), LocalDate.of(2026, 10, 1))).isEqualTo(50);
        assertThat(ProgressLight.expectedPercent(start, DEADLINE,
                java.util.List.of(new ProgressLight.PlannedPoint(start, 40)), start)).isEqualTo(40);
    }

    @Test
    void plannedMilestoneEdgeCases() {
        // a milestone on the deadline is superseded by 100 at the deadline
        assertThat(ProgressLight.expectedPercent(START, DEADLINE,
                java.util.List.of(new ProgressLight.PlannedPoint(DEADLINE, 90)), DEADLINE)).isEqualTo(100);
        // two milestones on one day: the curve steps to the later-listed value after sorting (stable), never fails
        assertThat(ProgressLight.expectedPercent(START, DEADLINE, java.util.List.of(
                new ProgressLight.PlannedPoint(MIDYEAR, 30), new ProgressLight.PlannedPoint(MIDYEAR, 60)), MIDYEAR)).isEqualTo(60);
        // no start: the curve begins at the first milestone; nothing is expected before it
        assertThat(ProgressLight.expectedPercent(null, DEADLINE, PLANNED, LocalDate.of(2026, 2, 1))).isZero();
        assertThat(ProgressLight.expectedPercent(null, DEADLINE, PLANNED, LocalDate.of(2026, 3, 31))).isEqualTo(20);
        // a start on the deadline is unusable: 0 before the deadline, as without milestones
        assertThat(ProgressLight.expectedPercent(DEADLINE, DEADLINE, java.util.List.of(), MIDYEAR)).isZero();
    }

    @Test
    void theLightUsesTheMilestoneShapedExpectedProgress() {
        // 31 Mar: linear expects 24, the planned milestone 20
        LocalDate day = LocalDate.of(2026, 3, 31);
        assertThat(ProgressLight.ofTask(START, DEADLINE, TaskStatus.IN_PROGRESS, 12, day, M).color()).isEqualTo(Color.YELLOW); // 24-12=12
        ProgressLight planned = ProgressLight.ofTask(START, DEADLINE, PLANNED, TaskStatus.IN_PROGRESS, 12, day, M);
        assertThat(planned.color()).isEqualTo(Color.GREEN); // 20-12=8
        assertThat(planned.expectedPercent()).isEqualTo(20);
        // far behind the planned 80 on 30 Sep: red
        ProgressLight red = ProgressLight.ofTask(START, DEADLINE, PLANNED, TaskStatus.IN_PROGRESS, 50, LocalDate.of(2026, 9, 30), M);
        assertThat(red.color()).isEqualTo(Color.RED);
        assertThat(red.reason()).isEqualTo("落后序时进度30个百分点");
    }
}
