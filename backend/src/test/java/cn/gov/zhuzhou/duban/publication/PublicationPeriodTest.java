package cn.gov.zhuzhou.duban.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.zhuzhou.duban.common.error.InvalidRequestException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Periods by kind: their text, first and last day, and the period before. */
class PublicationPeriodTest {

    @Test
    void eachKindReadsItsOwnPeriodShape() {
        var month = PublicationPeriod.parse(PublicationKind.MONTHLY_BRIEF, "2031-02");
        assertThat(month.start()).isEqualTo(LocalDate.of(2031, 2, 1));
        assertThat(month.end()).isEqualTo(LocalDate.of(2031, 2, 28));
        var quarter = PublicationPeriod.parse(PublicationKind.QUARTERLY_SUMMARY, "2031-Q3");
        assertThat(quarter.start()).isEqualTo(LocalDate.of(2031, 7, 1));
        assertThat(quarter.end()).isEqualTo(LocalDate.of(2031, 9, 30));
        assertThat(quarter.months()).hasSize(3);
        var half = PublicationPeriod.parse(PublicationKind.HALF_YEAR_SUMMARY, "2031-H2");
        assertThat(half.start()).isEqualTo(LocalDate.of(2031, 7, 1));
        assertThat(half.end()).isEqualTo(LocalDate.of(2031, 12, 31));
        var year = PublicationPeriod.parse(PublicationKind.ANNUAL_ASSESSMENT, "2031");
        assertThat(year.end()).isEqualTo(LocalDate.of(2031, 12, 31));
    }

    @Test
    void thePreviousPeriodCrossesTheYear() {
        assertThat(PublicationPeriod.parse(PublicationKind.MONTHLY_BULLETIN, "2031-01").previous().text()).isEqualTo("2030-12");
        assertThat(PublicationPeriod.parse(PublicationKind.QUARTERLY_SUMMARY, "2031-Q1").previous().text()).isEqualTo("2030-Q4");
        assertThat(PublicationPeriod.parse(PublicationKind.QUARTERLY_SUMMARY, "2031-Q3").previous().text()).isEqualTo("2031-Q2");
        assertThat(PublicationPeriod.parse(PublicationKind.HALF_YEAR_SUMMARY, "2031-H1").previous().text()).isEqualTo("2030-H2");
        assertThat(PublicationPeriod.parse(PublicationKind.ANNUAL_ASSESSMENT, "2031").previous().text()).isEqualTo("2030");
    }

    @Test
    void aPeriodOfTheWrongShapeIsRefusedNamingTheField() {
        assertThatThrownBy(() -> PublicationPeriod.parse(PublicationKind.MONTHLY_BULLETIN, "2031-Q1"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("yyyy-MM");
        assertThatThrownBy(() -> PublicationPeriod.parse(PublicationKind.QUARTERLY_SUMMARY, "2031-Q5")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> PublicationPeriod.parse(PublicationKind.HALF_YEAR_SUMMARY, "2031-13")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> PublicationPeriod.parse(PublicationKind.ANNUAL_ASSESSMENT, null)).isInstanceOf(InvalidRequestException.class);
    }
}
