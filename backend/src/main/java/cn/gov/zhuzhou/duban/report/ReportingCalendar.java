package cn.gov.zhuzhou.duban.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * Annex 2, rule 5: "各牵头单位或主要责任单位每月5日将上月工作情况……报送" — a month's report is due on the 5th of
 * the following month (Asia/Shanghai calendar days); a report after that day is late by whole days.
 */
public final class ReportingCalendar {

    public static final int DUE_DAY = 5;

    private ReportingCalendar() {
    }

    public static LocalDate dueDate(YearMonth month) {
        return month.plusMonths(1).atDay(DUE_DAY);
    }

    /** Whole days after the due date, 0 when on time. */
    public static int daysLate(YearMonth month, LocalDate submittedOn) {
        long days = ChronoUnit.DAYS.between(dueDate(month), submittedOn);
        return (int) Math.max(0, days);
    }

    /** A unit reports on a month that has ended: never the current or a future month. */
    public static boolean reportable(YearMonth month, LocalDate today) {
        return month.isBefore(YearMonth.from(today));
    }
}
