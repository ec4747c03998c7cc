package cn.gov.zhuzhou.duban.common.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** Safe retries over HTTP (issue 12): idempotency keys and the per-client rate limit (prefix {@code duban.http}). */
@ConfigMapping(prefix = "duban.http")
public interface HttpConfig {

    Idempotency idempotency();

    RateLimit rateLimit();

    interface Idempotency {
        /** How long a key and its first answer are kept, at least 24 hours (DUBAN_HTTP_IDEMPOTENCY_RETENTION). */
        @WithDefault("PT24H")
        Duration retention();

        /**
         * How long a first request may run before its key counts as abandoned (the instance died while serving it) and
         * a retry may take it over (DUBAN_HTTP_IDEMPOTENCY_LEASE). Longer than the slowest write.
         */
        @WithDefault("PT5M")
        Duration lease();

        /** When expired keys are purged, Asia/Shanghai (DUBAN_HTTP_IDEMPOTENCY_PURGE_CRON). */
        @WithDefault("0 15 * * * ?")
        String purgeCron();
    }

    interface RateLimit {
        /** Off switch (DUBAN_HTTP_RATE_LIMIT_ENABLED). */
        @WithDefault("true")
        boolean enabled();

        /** Requests per minute for a caller whose client and roles have no limit of their own. */
        @WithDefault("600")
        int defaultPerMinute();

        /** Requests per minute by realm role ({@code duban.http.rate-limit.roles.partner=120}); the highest of the caller's roles applies. */
        Map<String, Integer> roles();

        /** Requests per minute by OIDC client id, the token's {@code azp} ({@code duban.http.rate-limit.clients."duban-partner-cs"=60}); wins over roles. */
        Map<String, Integer> clients();
    }
}
