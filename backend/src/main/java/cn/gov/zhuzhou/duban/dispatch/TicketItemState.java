package cn.gov.zhuzhou.duban.dispatch;

import java.util.Map;
import java.util.Set;

/**
 * The life of an assigned item (交办事项): ISSUED → ACKNOWLEDGED (签收, by the lead unit) → DONE_REPORTED (办结, with a
 * completion report) → VERIFIED by the office, or RETURNED to the unit with a reason, which reports done again.
 * The office may still return a verified item found not done after all (its supervision case reopens).
 * Overdue is not a state of its own: an item past its deadline and not verified is overdue, whatever its state.
 */
public enum TicketItemState {
    ISSUED,
    ACKNOWLEDGED,
    DONE_REPORTED,
    VERIFIED,
    RETURNED;

    private static final Map<TicketItemState, Set<TicketItemState>> NEXT = Map.of(
            ISSUED, Set.of(ACKNOWLEDGED),
            ACKNOWLEDGED, Set.of(DONE_REPORTED),
            DONE_REPORTED, Set.of(VERIFIED, RETURNED),
            RETURNED, Set.of(DONE_REPORTED),
            VERIFIED, Set.of(RETURNED));

    public boolean canMoveTo(TicketItemState next) {
        return NEXT.get(this).contains(next);
    }
}
