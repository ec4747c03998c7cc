package cn.gov.zhuzhou.duban.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.zhuzhou.duban.common.error.InvalidRequestException;
import org.junit.jupiter.api.Test;

/** "A completed task stands at 100 %" as a pure rule of the task. */
class TaskTrackTest {

    @Test
    void aCompletedTaskStandsAtAHundredPercent() {
        Task task = new Task(null, "1", TaskKind.LONG_TERM);
        assertThatThrownBy(() -> task.track(TaskStatus.COMPLETED, 90)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("100");
        task.track(TaskStatus.COMPLETED, 100);
        assertThat(task.getStatus()).isEqualTo(TaskStatus.COMPLETED);
    }
}
