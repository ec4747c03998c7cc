package cn.gov.zhuzhou.duban.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.zhuzhou.duban.common.error.IllegalTransitionException;
import cn.gov.zhuzhou.duban.problem.SessionLevel;
import org.junit.jupiter.api.Test;

/** A session's life (annex 2, rule 7) as a pure rule: planned until it closes or is called off. */
class DispatchSessionStateTest {

    private static DispatchSession aPlannedSession() {
        return new DispatchSession(SessionType.AD_HOC, SessionForm.MEETING, SessionLevel.OFFICE);
    }

    @Test
    void closesOnlyWithMinutesOrATicket() {
        DispatchSession s = aPlannedSession();
        assertThatThrownBy(() -> s.close(0)).isInstanceOf(IllegalTransitionException.class).hasMessageContaining("须先形成会议纪要或交办单");
        s.close(1);
        assertThat(s.getStatus()).isEqualTo(SessionStatus.CLOSED);
        DispatchSession withMinutes = aPlannedSession();
        withMinutes.recordMinutes("纪要");
        withMinutes.close(0);
        assertThat(withMinutes.getStatus()).isEqualTo(SessionStatus.CLOSED);
    }

    @Test
    void isCalledOffOnlyWhileNoTicketIsOut() {
        DispatchSession s = aPlannedSession();
        assertThatThrownBy(() -> s.cancel("改期", 1)).isInstanceOf(IllegalTransitionException.class).hasMessageContaining("只能结束");
        s.cancel("改期", 0);
        assertThat(s.getStatus()).isEqualTo(SessionStatus.CANCELLED);
        assertThat(s.getCancelReason()).isEqualTo("改期");
    }

    @Test
    void aClosedOrCancelledSessionRefusesEveryStep() {
        DispatchSession closed = aPlannedSession();
        closed.close(1);
        DispatchSession cancelled = aPlannedSession();
        cancelled.cancel("改期", 0);
        for (DispatchSession s : new DispatchSession[] {closed, cancelled}) {
            String current = "当前状态为 " + s.getStatus().name();
            assertThatThrownBy(() -> s.recordMinutes("x")).isInstanceOf(IllegalTransitionException.class).hasMessageContaining(current);
            assertThatThrownBy(() -> s.reshape(SessionForm.MEETING, SessionLevel.OFFICE)).hasMessageContaining(current);
            assertThatThrownBy(() -> s.close(1)).hasMessageContaining(current);
            assertThatThrownBy(() -> s.cancel("x", 0)).hasMessageContaining(current);
            assertThatThrownBy(s::checkCanIssueTicket).hasMessageContaining(current);
        }
    }
}
