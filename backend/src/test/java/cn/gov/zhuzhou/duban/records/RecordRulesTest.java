package cn.gov.zhuzhou.duban.records;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.zhuzhou.duban.dispatch.ItemRecord;
import cn.gov.zhuzhou.duban.dispatch.TicketItemState;
import cn.gov.zhuzhou.duban.supervision.CaseRecord;
import cn.gov.zhuzhou.duban.supervision.SupervisionCase;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an item and a case count as, once: the rules bulletins and the assessment derive their figures from. */
class RecordRulesTest {

    static final LocalDate DEADLINE = LocalDate.of(2029, 5, 10);

    static ItemRecord item(LocalDate doneReported, LocalDate verified, List<LocalDate> returned) {
        return new ItemRecord(1, "交办〔2029〕1号", 2, 3, true, DEADLINE, LocalDate.of(2029, 5, 1), LocalDate.of(2029, 5, 2),
                doneReported, verified, returned, verified == null ? TicketItemState.DONE_REPORTED : TicketItemState.VERIFIED);
    }

    @Test
    void anItemReportedDoneByItsDeadlineClosesOnTimeEvenIfTheOfficeChecksItLater() {
        ItemRecord item = item(LocalDate.of(2029, 5, 10), LocalDate.of(2029, 5, 13), List.of());
        assertThat(item.closedOnTime()).isTrue();
        assertThat(item.closedIn(LocalDate.of(2029, 5, 1), LocalDate.of(2029, 5, 31))).isTrue();
        assertThat(item.closedIn(LocalDate.of(2029, 5, 1), LocalDate.of(2029, 5, 12))).isFalse();
        assertThat(item.overdueOn(LocalDate.of(2029, 5, 31))).isFalse();
    }

    @Test
    void anItemReportedDoneAfterItsDeadlineClosesLate() {
        assertThat(item(LocalDate.of(2029, 5, 11), LocalDate.of(2029, 5, 11), List.of()).closedOnTime()).isFalse();
    }

    @Test
    void anUnverifiedItemIsOverdueFromTheDayAfterItsDeadlineAndNeverClosed() {
        ItemRecord item = item(LocalDate.of(2029, 5, 9), null, List.of(LocalDate.of(2029, 5, 9)));
        assertThat(item.overdueOn(DEADLINE)).isFalse();
        assertThat(item.overdueOn(DEADLINE.plusDays(1))).isTrue();
        assertThat(item.closedOnTime()).isFalse();
        assertThat(item.closedIn(LocalDate.of(2029, 1, 1), LocalDate.of(2029, 12, 31))).isFalse();
    }

    @Test
    void returnsCountWithinThePeriodOnly() {
        ItemRecord item = item(LocalDate.of(2029, 6, 2), null, List.of(LocalDate.of(2029, 5, 31), LocalDate.of(2029, 6, 1)));
        assertThat(item.returnsIn(LocalDate.of(2029, 6, 1), LocalDate.of(2029, 6, 30))).isEqualTo(1);
        assertThat(item.returnsIn(LocalDate.of(2029, 5, 1), LocalDate.of(2029, 6, 30))).isEqualTo(2);
        assertThat(item.issuedIn(LocalDate.of(2029, 6, 1), LocalDate.of(2029, 6, 30))).isFalse();
        assertThat(item.acknowledgedIn(LocalDate.of(2029, 5, 1), LocalDate.of(2029, 5, 31))).isTrue();
    }

    @Test
    void aCaseIsOpenFromTheDayItOpensUntilTheDayItCloses() {
        CaseRecord c = new CaseRecord(1, 2, 3, SupervisionCase.Reason.KEY, LocalDate.of(2029, 5, 1), LocalDate.of(2029, 5, 15));
        assertThat(c.openOn(LocalDate.of(2029, 4, 30))).isFalse();
        assertThat(c.openOn(LocalDate.of(2029, 5, 1))).isTrue();
        assertThat(c.openOn(LocalDate.of(2029, 5, 14))).isTrue();
        assertThat(c.openOn(LocalDate.of(2029, 5, 15))).isFalse();
        assertThat(c.openedIn(LocalDate.of(2029, 5, 1), LocalDate.of(2029, 5, 31))).isTrue();
        assertThat(new CaseRecord(1, 2, 3, SupervisionCase.Reason.OVERDUE, LocalDate.of(2029, 5, 1), null).openOn(LocalDate.of(2030, 1, 1)))
                .isTrue();
    }
}
