package cn.gov.zhuzhou.duban.common.time;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Calendar days of Asia/Shanghai against the instants the database keeps: "as it stood on a day" means every
 * instant before the next day's midnight in Shanghai.
 */
public final class Days {

    private Days() {
    }

    /** The first instant of {@code day}. */
    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ClockProducer.ZONE).toInstant();
    }

    /** The first instant after {@code day} (exclusive end). */
    public static Instant endOf(LocalDate day) {
        return startOf(day.plusDays(1));
    }

    /** The Shanghai calendar day of an instant; null for null. */
    public static LocalDate dayOf(Instant at) {
        return at == null ? null : at.atZone(ClockProducer.ZONE).toLocalDate();
    }
}
