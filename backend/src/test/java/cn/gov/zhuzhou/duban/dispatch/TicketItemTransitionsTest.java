package cn.gov.zhuzhou.duban.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.zhuzhou.duban.common.error.IllegalTransitionException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The item refuses a step its state does not allow by itself (no service, no database). */
class TicketItemTransitionsTest {

    private static final Instant AT = Instant.parse("2026-11-10T02:00:00Z");

    private static TicketItem anIssuedItem() {
        return new TicketItem(null, 1L, null, Set.of(), LocalDate.of(2026, 12, 31), false, "按期办结", AT);
    }

    @Test
    void walksTheHappyPathAndTheReturnLoop() {
        TicketItem item = anIssuedItem();
        item.acknowledge(AT);
        item.reportDone("已办结");
        item.sendBack("材料不全");
        assertThat(item.getReturnReason()).isEqualTo("材料不全");
        item.reportDone("已补齐");
        assertThat(item.getReturnReason()).isNull();
        item.verify(AT);
        assertThat(item.getState()).isEqualTo(TicketItemState.VERIFIED);
    }

    @Test
    void refusesToReportDoneBeforeSigningFor() {
        TicketItem item = anIssuedItem();
        assertThatThrownBy(() -> item.reportDone("已办结")).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("当前状态为 ISSUED").hasMessageContaining("报告办结");
        assertThat(item.getState()).isEqualTo(TicketItemState.ISSUED);
    }

    @Test
    void refusesToSignForTwiceOrVerifyWhatIsNotReported() {
        TicketItem item = anIssuedItem();
        item.acknowledge(AT);
        assertThatThrownBy(() -> item.acknowledge(AT)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("当前状态为 ACKNOWLEDGED");
        assertThatThrownBy(() -> item.verify(AT)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> item.sendBack("x")).isInstanceOf(IllegalTransitionException.class);
        assertThat(item.getVerifiedAt()).isNull();
    }
}
