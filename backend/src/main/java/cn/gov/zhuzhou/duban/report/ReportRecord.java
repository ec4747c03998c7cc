package cn.gov.zhuzhou.duban.report;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * One expected monthly report as it stood on a day: which unit, which month, when it fell due, and whether its first
 * submission came on time, late, not at all, or is not due yet. What bulletins and the annual assessment count.
 */
public record ReportRecord(long unitId, YearMonth month, LocalDate dueDate, Long reportId, Timeliness timeliness,
        LocalDate submittedOn, int daysLate) {

    /** Annex 2, rule 5: due by the 5th of the following month. */
    public enum Timeliness {
        ON_TIME,
        LATE,
        MISSING,
        NOT_DUE
    }

    /**
     * The rule, once: the first submission made by the end of {@code asOf} decides; without one the report is
     * missing once its due date has passed, and not due before that.
     */
    static ReportRecord decide(long unitId, YearMonth month, Long reportId, LocalDate firstSubmittedOn, LocalDate asOf) {
        LocalDate due = ReportingCalendar.dueDate(month);
        if (firstSubmittedOn == null || firstSubmittedOn.isAfter(asOf)) {
            return new ReportRecord(unitId, month, due, reportId, asOf.isAfter(due) ? Timeliness.MISSING : Timeliness.NOT_DUE, null, 0);
        }
        int late = ReportingCalendar.daysLate(month, firstSubmittedOn);
        return new ReportRecord(unitId, month, due, reportId, late > 0 ? Timeliness.LATE : Timeliness.ON_TIME, firstSubmittedOn, late);
    }
}
