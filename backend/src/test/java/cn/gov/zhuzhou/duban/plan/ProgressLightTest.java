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
}
