package cn.gov.zhuzhou.duban.common.time;

/** A calendar month on the wire: yyyy-MM (reporting months, the month of a regular session). */
public final class Months {

    /** The pattern a month must match, for {@code @Pattern} and checks by hand. */
    public static final String PATTERN = "\\d{4}-(0[1-9]|1[0-2])";
    /** What a caller is told when a month does not match. */
    public static final String MESSAGE = "格式为 yyyy-MM";

    private Months() {
    }
}
