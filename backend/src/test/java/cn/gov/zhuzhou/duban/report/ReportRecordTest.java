package cn.gov.zhuzhou.duban.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.zhuzhou.duban.report.ReportRecord.Timeliness;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** Annex 2, rule 5, as a bulletin counts it: the first submission by the day decides, due the 5th of the next month. */
class ReportRecordTest {

    static final YearMonth MARCH = YearMonth.of(2029, 3);

    @Test
    void aFirstSubmissionByTheFifthIsOnTimeAndAfterItLateByWholeDays() {
        assertThat(ReportRecord.decide(1, MARCH, 7L, LocalDate.of(2029, 4, 5), LocalDate.of(2029, 4, 30)).timeliness())
                .isEqualTo(Timeliness.ON_TIME);
        ReportRecord late = ReportRecord.decide(1, MARCH, 7L, LocalDate.of(2029, 4, 8), LocalDate.of(2029, 4, 30));
        assertThat(late.timeliness()).isEqualTo(Timeliness.LATE);
        assertThat(late.daysLate()).isEqualTo(3);
        assertThat(late.dueDate()).isEqualTo(LocalDate.of(2029, 4, 5));
    }

    @Test
    void withoutASubmissionByTheDayAReportIsMissingOnceDueAndNotDueBefore() {
        assertThat(ReportRecord.decide(1, MARCH, null, null, LocalDate.of(2029, 4, 5)).timeliness()).isEqualTo(Timeliness.NOT_DUE);
        assertThat(ReportRecord.decide(1, MARCH, null, null, LocalDate.of(2029, 4, 6)).timeliness()).isEqualTo(Timeliness.MISSING);
        ReportRecord submittedLater = ReportRecord.decide(1, MARCH, 7L, LocalDate.of(2029, 4, 8), LocalDate.of(2029, 4, 6));
        assertThat(submittedLater.timeliness()).isEqualTo(Timeliness.MISSING);
        assertThat(submittedLater.submittedOn()).isNull();
        assertThat(submittedLater.reportId()).isEqualTo(7L);
    }

    @Test
    void theMonthsDueInAPeriodAreThoseWhoseFifthFallsInIt() {
        assertThat(ReportRecords.monthsDueIn(LocalDate.of(2029, 4, 1), LocalDate.of(2029, 4, 30))).containsExactly(MARCH);
        assertThat(ReportRecords.monthsDueIn(LocalDate.of(2029, 1, 1), LocalDate.of(2029, 3, 31)))
                .containsExactly(YearMonth.of(2028, 12), YearMonth.of(2029, 1), YearMonth.of(2029, 2));
        assertThat(ReportRecords.monthsDueIn(LocalDate.of(2029, 4, 6), LocalDate.of(2029, 5, 4))).isEmpty();
    }
}
