package cn.gov.zhuzhou.duban.supervision;

import java.time.LocalDate;

/**
 * One supervision case (督办) as it stood at the end of a period: on which item and unit, why, when it opened and,
 * if it was closed then, when it closed.
 */
public record CaseRecord(long caseId, long itemId, long unitId, SupervisionCase.Reason reason, LocalDate openedOn,
        LocalDate closedOn) {

    /** Open on {@code day}: opened by then and not closed (as of the end of the period). */
    public boolean openOn(LocalDate day) {
        return !openedOn.isAfter(day) && (closedOn == null || closedOn.isAfter(day));
    }

    public boolean openedIn(LocalDate from, LocalDate to) {
        return !openedOn.isBefore(from) && !openedOn.isAfter(to);
    }
}
