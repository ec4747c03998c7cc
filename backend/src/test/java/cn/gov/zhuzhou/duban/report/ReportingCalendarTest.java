package cn.gov.zhuzhou.duban.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** Annex 2, rule 5: last month's report is due by the 5th. */
class ReportingCalendarTest {

    static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    @Test
    void octoberIsDueOnTheFifthOfNovember() {
        assertThat(ReportingCalendar.dueDate(OCTOBER)).isEqualTo(LocalDate.of(2026, 11, 5));
        assertThat(ReportingCalendar.dueDate(YearMonth.of(2026, 12))).isEqualTo(LocalDate.of(2027, 1, 5));
    }

    @Test
    void onTheFifthIsOnTimeAndEachDayAfterCounts() {
        assertThat(ReportingCalendar.daysLate(OCTOBER, LocalDate.of(2026, 11, 1))).isZero();
        assertThat(ReportingCalendar.daysLate(OCTOBER, LocalDate.of(2026, 11, 5))).isZero();
        assertThat(ReportingCalendar.daysLate(OCTOBER, LocalDate.of(2026, 11, 6))).isEqualTo(1);
        assertThat(ReportingCalendar.daysLate(OCTOBER, LocalDate.of(2026, 12, 5))).isEqualTo(30);
    }

    @Test
    void onlyEndedMonthsAreReportable() {
        assertThat(ReportingCalendar.reportable(OCTOBER, LocalDate.of(2026, 11, 1))).isTrue();
        assertThat(ReportingCalendar.reportable(OCTOBER, LocalDate.of(2026, 10, 31))).isFalse();
        assertThat(ReportingCalendar.reportable(YearMonth.of(2026, 12), LocalDate.of(2026, 11, 28))).isFalse();
    }
}
