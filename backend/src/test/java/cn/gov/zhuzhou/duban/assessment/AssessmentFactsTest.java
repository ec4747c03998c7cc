package cn.gov.zhuzhou.duban.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.zhuzhou.duban.dispatch.ItemRecord;
import cn.gov.zhuzhou.duban.dispatch.TicketItemState;
import cn.gov.zhuzhou.duban.report.ReportRecord;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the records of a year turn into assessment facts, without a database. */
class AssessmentFactsTest {

    static final LocalDate FROM = LocalDate.of(2032, 1, 1);
    static final LocalDate YEAR_END = LocalDate.of(2032, 12, 31);

    static ReportRecord report(ReportRecord.Timeliness t, LocalDate submitted, int late) {
        return new ReportRecord(5, YearMonth.of(2032, 2), LocalDate.of(2032, 3, 5), t == ReportRecord.Timeliness.MISSING ? null : 9L, t, submitted, late);
    }

    @Test
    void reportsCountByTheirTimelinessAndNotDueCountsForNothing() {
        assertThat(AssessmentFacts.reportFact(report(ReportRecord.Timeliness.ON_TIME, LocalDate.of(2032, 3, 4), 0), YEAR_END).rule())
                .isEqualTo(AssessmentRule.REPORT_ON_TIME);
        AssessmentFact late = AssessmentFacts.reportFact(report(ReportRecord.Timeliness.LATE, LocalDate.of(2032, 3, 8), 3), YEAR_END);
        assertThat(late.rule()).isEqualTo(AssessmentRule.REPORT_LATE);
        assertThat(late.daysLate()).isEqualTo(3);
        assertThat(late.recordId()).isEqualTo(9L);
        assertThat(late.detail()).isEqualTo("2032-02 月报应于 2032-03-05 前报送，2032-03-08 报送，逾期 3 天");
        AssessmentFact missing = AssessmentFacts.reportFact(report(ReportRecord.Timeliness.MISSING, null, 0), YEAR_END);
        assertThat(missing.rule()).isEqualTo(AssessmentRule.REPORT_MISSING);
        assertThat(missing.date()).isEqualTo(LocalDate.of(2032, 3, 5));
        assertThat(missing.reference()).isEqualTo("2032-02 月报");
        assertThat(AssessmentFacts.reportFact(report(ReportRecord.Timeliness.NOT_DUE, null, 0), YEAR_END)).isNull();
    }

    static ItemRecord item(boolean key, LocalDate deadline, LocalDate done, LocalDate verified, List<LocalDate> returns) {
        return new ItemRecord(77, "交办〔2032〕1号", 1, 5, key, deadline, LocalDate.of(2032, 1, 20), LocalDate.of(2032, 1, 21), done, verified,
                returns, verified == null ? TicketItemState.ACKNOWLEDGED : TicketItemState.VERIFIED);
    }

    @Test
    void anItemClosedLateAfterAReturnCountsBoth() {
        List<AssessmentFact> facts = AssessmentFacts.itemFacts(item(false, LocalDate.of(2032, 4, 30), LocalDate.of(2032, 5, 15),
                LocalDate.of(2032, 5, 16), List.of(LocalDate.of(2032, 5, 12))), FROM, YEAR_END);
        assertThat(facts).extracting(AssessmentFact::rule).containsExactly(AssessmentRule.ITEM_CLOSED_LATE, AssessmentRule.ITEM_RETURNED);
        assertThat(facts).extracting(AssessmentFact::date).containsExactly(LocalDate.of(2032, 5, 16), LocalDate.of(2032, 5, 12));
    }

    @Test
    void doneByTheDeadlineIsOnTimeEvenIfTheOfficeChecksLater() {
        List<AssessmentFact> facts = AssessmentFacts.itemFacts(item(false, LocalDate.of(2032, 4, 30), LocalDate.of(2032, 4, 29),
                LocalDate.of(2032, 5, 3), List.of()), FROM, YEAR_END);
        assertThat(facts).extracting(AssessmentFact::rule).containsExactly(AssessmentRule.ITEM_CLOSED_ON_TIME);
    }

    @Test
    void anUnverifiedItemPastItsDeadlineIsOverdueKeyOrOrdinary() {
        assertThat(AssessmentFacts.itemFacts(item(true, LocalDate.of(2032, 10, 31), null, null, List.of()), FROM, YEAR_END))
                .extracting(AssessmentFact::rule).containsExactly(AssessmentRule.KEY_ITEM_OVERDUE);
        assertThat(AssessmentFacts.itemFacts(item(false, LocalDate.of(2032, 10, 31), null, null, List.of()), FROM, YEAR_END))
                .extracting(AssessmentFact::rule).containsExactly(AssessmentRule.ITEM_OVERDUE);
        // not yet overdue on its deadline day
        assertThat(AssessmentFacts.itemFacts(item(true, YEAR_END, null, null, List.of()), FROM, YEAR_END)).isEmpty();
    }

    @Test
    void aReturnOfAnEarlierYearDoesNotCount() {
        assertThat(AssessmentFacts.itemFacts(item(false, LocalDate.of(2033, 3, 1), null, null, List.of(LocalDate.of(2031, 12, 20))), FROM,
                YEAR_END)).isEmpty();
    }
}
