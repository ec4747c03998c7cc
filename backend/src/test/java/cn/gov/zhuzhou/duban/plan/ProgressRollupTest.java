package cn.gov.zhuzhou.duban.plan;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.zhuzhou.duban.plan.ProgressRollup.Figure;
import cn.gov.zhuzhou.duban.plan.ProgressRollup.Node;
import cn.gov.zhuzhou.duban.plan.ProgressRollup.Weighted;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A parent's progress and status from its sub-tasks, as a pure rule. */
class ProgressRollupTest {

    static Weighted w(TaskStatus s, int p, Integer weight) {
        return new Weighted(new Figure(s, p), weight);
    }

    @Test
    void equalWeightsUnlessSetRoundedDown() {
        assertThat(ProgressRollup.combine(List.of(w(TaskStatus.IN_PROGRESS, 50, null), w(TaskStatus.IN_PROGRESS, 51, null),
                w(TaskStatus.NOT_STARTED, 0, null))).percent()).isEqualTo(33); // 101/3 = 33.67
        // weights 3 and 1: (3*80 + 1*0) / 4 = 60
        assertThat(ProgressRollup.combine(List.of(w(TaskStatus.IN_PROGRESS, 80, 3), w(TaskStatus.NOT_STARTED, 0, 1))).percent())
                .isEqualTo(60);
        // unset counts as 1 next to a set weight: (2*100 + 1*10) / 3 = 70
        assertThat(ProgressRollup.combine(List.of(w(TaskStatus.COMPLETED, 100, 2), w(TaskStatus.IN_PROGRESS, 10, null))).percent())
                .isEqualTo(70);
        // never 100 unless every sub-task is: (99*1 + 100*9)/10 = 99.9 -> 99
        assertThat(ProgressRollup.combine(List.of(w(TaskStatus.IN_PROGRESS, 99, 1), w(TaskStatus.COMPLETED, 100, 9))).percent())
                .isEqualTo(99);
    }

    @Test
    void statusFollowsTheSubTasks() {
        assertThat(ProgressRollup.combine(List.of(w(TaskStatus.COMPLETED, 100, null), w(TaskStatus.COMPLETED, 100, 4))))
                .isEqualTo(new Figure(TaskStatus.COMPLETED, 100));
        assertThat(ProgressRollup.combine(List.of(w(TaskStatus.NOT_STARTED, 0, null), w(TaskStatus.NOT_STARTED, 0, null))))
                .isEqualTo(new Figure(TaskStatus.NOT_STARTED, 0));
        assertThat(ProgressRollup.combine(List.of(w(TaskStatus.COMPLETED, 100, null), w(TaskStatus.NOT_STARTED, 0, null))).status())
                .isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(ProgressRollup.combine(List.of(w(TaskStatus.SUSPENDED, 20, null), w(TaskStatus.SUSPENDED, 0, null))).status())
                .isEqualTo(TaskStatus.SUSPENDED);
        assertThat(ProgressRollup.combine(List.of(w(TaskStatus.SUSPENDED, 0, null), w(TaskStatus.NOT_STARTED, 0, null))).status())
                .isEqualTo(TaskStatus.NOT_STARTED);
        assertThat(ProgressRollup.combine(List.of(w(TaskStatus.SUSPENDED, 30, null), w(TaskStatus.NOT_STARTED, 0, null))).status())
                .isEqualTo(TaskStatus.IN_PROGRESS);
    }

    @Test
    void rollsUpThroughSeveralLevelsAndLeavesKeepTheirReportedFigure() {
        // 1 -> {2 (weight 1), 3 (weight 3)}; 3 -> {4, 5}
        Map<Long, Figure> d = ProgressRollup.derive(List.of(
                new Node(1, null, TaskStatus.NOT_STARTED, 0, null),
                new Node(2, 1L, TaskStatus.COMPLETED, 100, 1),
                new Node(3, 1L, TaskStatus.NOT_STARTED, 90, 3), // its own reported 90 is replaced by its children's 40
                new Node(4, 3L, TaskStatus.IN_PROGRESS, 60, null),
                new Node(5, 3L, TaskStatus.IN_PROGRESS, 20, null)));
        assertThat(d.get(4L)).isEqualTo(new Figure(TaskStatus.IN_PROGRESS, 60));
        assertThat(d.get(3L)).isEqualTo(new Figure(TaskStatus.IN_PROGRESS, 40));
        assertThat(d.get(1L)).isEqualTo(new Figure(TaskStatus.IN_PROGRESS, 55)); // (100 + 3*40) / 4
        assertThat(d.get(2L)).isEqualTo(new Figure(TaskStatus.COMPLETED, 100));
    }
}
