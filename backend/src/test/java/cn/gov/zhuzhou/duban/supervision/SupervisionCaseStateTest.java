package cn.gov.zhuzhou.duban.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.zhuzhou.duban.common.error.IllegalTransitionException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A supervision case as a pure rule: open while its item is not verified; urged and replied to only while open. */
class SupervisionCaseStateTest {

    private static final Instant AT = Instant.parse("2026-11-10T02:00:00Z");

    @Test
    void aClosedCaseRefusesUrgingsAndRepliesUntilReopened() {
        SupervisionCase c = new SupervisionCase(1L, SupervisionCase.Reason.MANUAL, AT);
        c.requireOpen("催办");
        c.close(AT);
        assertThatThrownBy(() -> c.requireOpen("回复")).isInstanceOf(IllegalTransitionException.class).hasMessageContaining("当前状态为 CLOSED");
        assertThatThrownBy(() -> c.close(AT)).isInstanceOf(IllegalTransitionException.class);
        c.reopen();
        assertThat(c.getStatus()).isEqualTo(SupervisionCase.Status.OPEN);
        assertThatThrownBy(c::reopen).isInstanceOf(IllegalTransitionException.class).hasMessageContaining("当前状态为 OPEN");
    }
}
