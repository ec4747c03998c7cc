package cn.gov.zhuzhou.duban.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The item state machine of annex 2, rule 7, as a pure rule. */
class TicketItemStateTest {

    @Test
    void theHappyPathAndTheReturnLoop() {
        assertThat(TicketItemState.ISSUED.canMoveTo(TicketItemState.ACKNOWLEDGED)).isTrue();
        assertThat(TicketItemState.ACKNOWLEDGED.canMoveTo(TicketItemState.DONE_REPORTED)).isTrue();
        assertThat(TicketItemState.DONE_REPORTED.canMoveTo(TicketItemState.VERIFIED)).isTrue();
        assertThat(TicketItemState.DONE_REPORTED.canMoveTo(TicketItemState.RETURNED)).isTrue();
        assertThat(TicketItemState.RETURNED.canMoveTo(TicketItemState.DONE_REPORTED)).isTrue();
        assertThat(TicketItemState.VERIFIED.canMoveTo(TicketItemState.RETURNED)).isTrue();
    }

    @Test
    void noShortcuts() {
        assertThat(TicketItemState.ISSUED.canMoveTo(TicketItemState.DONE_REPORTED)).isFalse();
        assertThat(TicketItemState.ISSUED.canMoveTo(TicketItemState.VERIFIED)).isFalse();
        assertThat(TicketItemState.ACKNOWLEDGED.canMoveTo(TicketItemState.VERIFIED)).isFalse();
        assertThat(TicketItemState.ACKNOWLEDGED.canMoveTo(TicketItemState.ACKNOWLEDGED)).isFalse();
        assertThat(TicketItemState.RETURNED.canMoveTo(TicketItemState.VERIFIED)).isFalse();
        assertThat(TicketItemState.VERIFIED.canMoveTo(TicketItemState.DONE_REPORTED)).isFalse();
    }

    @Test
    void exactlyTheSixStepsOfRule7AreAllowed() {
        java.util.Set<String> allowed = new java.util.TreeSet<>();
        for (TicketItemState from : TicketItemState.values()) {
            for (TicketItemState to : TicketItemState.values()) {
                if (from.canMoveTo(to)) {
                    allowed.add(from + "->" + to);
                }
            }
        }
        assertThat(allowed).containsExactlyInAnyOrder("ISSUED->ACKNOWLEDGED", "ACKNOWLEDGED->DONE_REPORTED", "DONE_REPORTED->VERIFIED",
                "DONE_REPORTED->RETURNED", "RETURNED->DONE_REPORTED", "VERIFIED->RETURNED");
    }
}
