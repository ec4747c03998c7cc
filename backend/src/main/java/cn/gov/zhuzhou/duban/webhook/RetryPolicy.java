package cn.gov.zhuzhou.duban.webhook;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * What follows an attempt: any 2xx succeeds; 410 Gone disables the subscription; 429 with Retry-After waits that
 * long (at most the longest step of the schedule); anything else (another status, a redirect, a timeout, a refused
 * connection) waits for the schedule's next step, and after the last step the delivery fails.
 */
public final class RetryPolicy {

    public enum Kind { SUCCEEDED, RETRY, FAILED, DISABLE }

    public record Outcome(Kind kind, Instant nextAttemptAt) {
    }

    private final List<Duration> schedule;

    /** {@code schedule.get(0)} is the initial attempt; {@code schedule.get(n)} the wait before attempt n + 1. */
    public RetryPolicy(List<Duration> schedule) {
        if (schedule.isEmpty()) {
            throw new IllegalArgumentException("the retry schedule needs at least the initial attempt");
        }
        this.schedule = List.copyOf(schedule);
    }

    /** After attempt number {@code attempt} (1 for the first) answered {@code status} (null: no answer) at {@code now}. */
    public Outcome after(int attempt, Integer status, String retryAfter, Instant now) {
        if (status != null && status >= 200 && status < 300) {
            return new Outcome(Kind.SUCCEEDED, null);
        }
        if (status != null && status == 410) {
            return new Outcome(Kind.DISABLE, null);
        }
        if (attempt >= schedule.size()) {
            return new Outcome(Kind.FAILED, null);
        }
        Duration wait = schedule.get(attempt);
        if (status != null && status == 429) {
            Duration asked = retryAfter(retryAfter, now);
            if (asked != null) {
                Duration longest = schedule.stream().max(Duration::compareTo).orElse(wait);
                wait = asked.compareTo(longest) > 0 ? longest : asked;
            }
        }
        return new Outcome(Kind.RETRY, now.plus(wait));
    }

    /** Retry-After as delay-seconds or an HTTP-date (RFC 9110, 10.2.3); null when absent or unreadable. */
    static Duration retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Duration d = Duration.between(now, ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }
}
