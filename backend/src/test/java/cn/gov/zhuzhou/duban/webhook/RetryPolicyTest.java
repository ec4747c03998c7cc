package cn.gov.zhuzhou.duban.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What follows an attempt, on the default schedule (at once, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h). */
class RetryPolicyTest {

    private static final List<Duration> SCHEDULE = List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30),
            Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));
    private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");
    private final RetryPolicy policy = new RetryPolicy(SCHEDULE);

    @Test
    void aTwoHundredSucceeds() {
        assertThat(policy.after(1, 204, null, NOW).kind()).isEqualTo(RetryPolicy.Kind.SUCCEEDED);
    }

    @Test
    void failuresFollowTheScheduleThenGiveUp() {
        assertThat(policy.after(1, 500, null, NOW)).isEqualTo(new RetryPolicy.Outcome(RetryPolicy.Kind.RETRY, NOW.plusSeconds(5)));
        assertThat(policy.after(2, null, null, NOW)).isEqualTo(new RetryPolicy.Outcome(RetryPolicy.Kind.RETRY, NOW.plus(Duration.ofMinutes(5))));
        assertThat(policy.after(7, 302, null, NOW)).isEqualTo(new RetryPolicy.Outcome(RetryPolicy.Kind.RETRY, NOW.plus(Duration.ofHours(10))));
        assertThat(policy.after(8, 500, null, NOW).kind()).isEqualTo(RetryPolicy.Kind.FAILED);
    }

    @Test
    void goneDisablesTheSubscription() {
        assertThat(policy.after(1, 410, null, NOW).kind()).isEqualTo(RetryPolicy.Kind.DISABLE);
    }

    @Test
    void tooManyRequestsWaitsAsAskedInSecondsOrAsADate() {
        assertThat(policy.after(1, 429, "120", NOW).nextAttemptAt()).isEqualTo(NOW.plusSeconds(120));
        assertThat(policy.after(1, 429, "Mon, 02 Nov 2026 10:30:00 GMT", NOW).nextAttemptAt()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
        assertThat(policy.after(1, 429, "soon", NOW).nextAttemptAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(policy.after(1, 429, "999999", NOW).nextAttemptAt()).as("never beyond the longest step").isEqualTo(NOW.plus(Duration.ofHours(10)));
    }
}
