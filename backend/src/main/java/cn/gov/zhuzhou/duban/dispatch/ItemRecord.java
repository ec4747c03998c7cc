package cn.gov.zhuzhou.duban.dispatch;

import java.time.LocalDate;
import java.util.List;

/**
 * One assigned item (交办事项) as it stood at the end of a period: when it was issued, signed for, reported done,
 * verified and returned. Bulletins, summaries and the annual assessment count these; the rules of what counts live
 * here, once.
 *
 * @param verifiedOn the verification in force at the end of the period, null when the item was not verified then
 * @param doneReportedOn the last 办结 report up to the end of the period
 * @param returnedOn every return up to the end of the period
 */
public record ItemRecord(long itemId, String ticketNumber, long problemId, long leadUnitId, boolean key, LocalDate deadline,
        LocalDate issuedOn, LocalDate acknowledgedOn, LocalDate doneReportedOn, LocalDate verifiedOn, List<LocalDate> returnedOn,
        TicketItemState stateAsOf) {

    public ItemRecord {
        returnedOn = List.copyOf(returnedOn);
    }

    public boolean issuedIn(LocalDate from, LocalDate to) {
        return within(issuedOn, from, to);
    }

    public boolean acknowledgedIn(LocalDate from, LocalDate to) {
        return within(acknowledgedOn, from, to);
    }

    /** Closed (办结 verified) within the period and still verified at its end. */
    public boolean closedIn(LocalDate from, LocalDate to) {
        return within(verifiedOn, from, to);
    }

    /** Annex 2, rule 7 (按时办结): the unit's 办结 report came by the deadline; the office's check may come later. */
    public boolean closedOnTime() {
        return verifiedOn != null && doneReportedOn != null && !doneReportedOn.isAfter(deadline);
    }

    /** Past its deadline on {@code day} and not verified at the end of the period. */
    public boolean overdueOn(LocalDate day) {
        return verifiedOn == null && day.isAfter(deadline);
    }

    public int returnsIn(LocalDate from, LocalDate to) {
        return (int) returnedOn.stream().filter(d -> within(d, from, to)).count();
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
        return day != null && !day.isBefore(from) && !day.isAfter(to);
    }
}
