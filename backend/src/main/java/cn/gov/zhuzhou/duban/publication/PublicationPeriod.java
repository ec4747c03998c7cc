package cn.gov.zhuzhou.duban.publication;

import cn.gov.zhuzhou.duban.common.error.InvalidRequestException;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The period a publication covers, from its text: {@code 2025-11} (a month), {@code 2025-Q3} (a quarter),
 * {@code 2025-H1} (a half-year) or {@code 2025} (a year), as its kind requires. A pure rule: no clock, no database.
 *
 * @param text  the period as written
 * @param start its first day
 * @param end   its last day: the day the publication's figures stand on (asOf)
 */
public record PublicationPeriod(PublicationKind kind, String text, LocalDate start, LocalDate end) {

    /** The period of {@code kind} written as {@code text}; 400 naming the field {@code period} when it does not fit. */
    public static PublicationPeriod parse(PublicationKind kind, String text) {
        String t = text == null ? "" : text.strip();
        switch (kind) {
            case MONTHLY_BULLETIN, MONTHLY_BRIEF -> {
                require(t.matches("\\d{4}-(0[1-9]|1[0-2])"), kind, "yyyy-MM，例如 2025-11");
                YearMonth m = YearMonth.parse(t);
                return new PublicationPeriod(kind, t, m.atDay(1), m.atEndOfMonth());
            }
            case QUARTERLY_SUMMARY -> {
                require(t.matches("\\d{4}-Q[1-4]"), kind, "yyyy-Qn，例如 2025-Q3");
                int q = t.charAt(6) - '0';
                YearMonth first = YearMonth.of(year(t), 3 * q - 2);
                return new PublicationPeriod(kind, t, first.atDay(1), first.plusMonths(2).atEndOfMonth());
            }
            case HALF_YEAR_SUMMARY -> {
                require(t.matches("\\d{4}-H[12]"), kind, "yyyy-Hn，例如 2025-H1");
                int h = t.charAt(6) - '0';
                YearMonth first = YearMonth.of(year(t), 6 * h - 5);
                return new PublicationPeriod(kind, t, first.atDay(1), first.plusMonths(5).atEndOfMonth());
            }
            case ANNUAL_ASSESSMENT -> {
                require(t.matches("\\d{4}"), kind, "yyyy，例如 2025");
                return new PublicationPeriod(kind, t, LocalDate.of(year(t), 1, 1), LocalDate.of(year(t), 12, 31));
            }
            default -> throw new IllegalStateException(kind.name());
        }
    }

    /** The period of the same length just before this one (2025-Q1 before 2025-Q2, 2024-H2 before 2025-H1). */
    public PublicationPeriod previous() {
        LocalDate prevEnd = start.minusDays(1);
        return switch (kind) {
            case MONTHLY_BULLETIN, MONTHLY_BRIEF -> parse(kind, YearMonth.from(prevEnd).toString());
            case QUARTERLY_SUMMARY -> parse(kind, prevEnd.getYear() + "-Q" + ((prevEnd.getMonthValue() + 2) / 3));
            case HALF_YEAR_SUMMARY -> parse(kind, prevEnd.getYear() + "-H" + (prevEnd.getMonthValue() <= 6 ? 1 : 2));
            case ANNUAL_ASSESSMENT -> parse(kind, String.valueOf(prevEnd.getYear()));
        };
    }

    /** The months of the period, in order. */
    public java.util.List<YearMonth> months() {
        java.util.List<YearMonth> months = new java.util.ArrayList<>();
        for (YearMonth m = YearMonth.from(start); !m.isAfter(YearMonth.from(end)); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    private static int year(String t) {
        return Integer.parseInt(t.substring(0, 4));
    }

    private static void require(boolean ok, PublicationKind kind, String format) {
        if (!ok) {
            throw new InvalidRequestException("period", kind.displayName() + "的期间格式为 " + format);
        }
    }
}
