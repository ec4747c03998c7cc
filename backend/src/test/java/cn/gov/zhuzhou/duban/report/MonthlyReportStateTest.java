package cn.gov.zhuzhou.duban.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.zhuzhou.duban.common.error.IllegalTransitionException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A monthly report's life as a pure rule: drafted, submitted, returned for revision, submitted again. */
class MonthlyReportStateTest {

    private static final Instant AT = Instant.parse("2026-11-04T02:00:00Z");
    private static final LocalDate ON = LocalDate.of(2026, 11, 4);

    private static MonthlyReport aDraft() {
        return new MonthlyReport(null, YearMonth.of(2026, 10));
    }

    @Test
    void aSubmittedReportChangesOnlyThroughAReturn() {
        MonthlyReport r = aDraft();
        r.submit(AT, ON);
        assertThatThrownBy(() -> r.write(List.of(), null)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("当前状态为 SUBMITTED");
        assertThatThrownBy(() -> r.submit(AT, ON)).isInstanceOf(IllegalTransitionException.class).hasMessageContaining("再次报送");
        r.sendBack("数据有误");
        r.write(List.of(), "无");
        r.submit(AT, ON);
        assertThat(r.getStatus()).isEqualTo(ReportStatus.SUBMITTED);
    }

    @Test
    void onlyASubmittedReportIsReturned() {
        MonthlyReport r = aDraft();
        assertThatThrownBy(() -> r.sendBack("x")).isInstanceOf(IllegalTransitionException.class).hasMessageContaining("当前状态为 DRAFT");
        r.submit(AT, ON);
        r.sendBack("x");
        assertThatThrownBy(() -> r.sendBack("y")).isInstanceOf(IllegalTransitionException.class).hasMessageContaining("当前状态为 RETURNED");
    }
}
