package cn.gov.zhuzhou.duban.common.http;

import cn.gov.zhuzhou.duban.common.error.ProblemKind;
import cn.gov.zhuzhou.duban.common.error.ProblemMappers;
import cn.gov.zhuzhou.duban.common.security.Caller;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A per-caller rate limit on the API: a token bucket (Bucket4j) per token subject, holding as many requests as the
 * per-minute limit and refilled at that rate. The limit comes from the caller's OIDC client ({@code azp}) when
 * configured, else the highest of its roles', else the default. Past it: 429 problem+json with Retry-After.
 * The buckets live in each instance's memory: with N instances behind the balancer a client gets at most N times its
 * limit (README, "Rate limit").
 */
public class RateLimitFilter {

    /** First of our filters: a refused request costs nothing else. */
    static final int PRIORITY = jakarta.ws.rs.Priorities.AUTHORIZATION + 100;

    private final Caller caller;
    private final HttpConfig.RateLimit config;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimitFilter(Caller caller, HttpConfig config) {
        this.caller = caller;
        this.config = config.rateLimit();
    }

    @org.jboss.resteasy.reactive.server.ServerRequestFilter(priority = PRIORITY)
    public Optional<Response> limit(ContainerRequestContext ctx) {
        if (!config.enabled() || !ctx.getUriInfo().getRequestUri().getRawPath().startsWith("/api/") || caller.isAnonymous()) {
            return Optional.empty();
        }
        int perMinute = perMinute();
        Bucket bucket = buckets.computeIfAbsent(caller.subject() + '|' + perMinute, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        return Optional.of(Response.fromResponse(ProblemMappers.build(ProblemKind.TOO_MANY_REQUESTS,
                        "请求过于频繁：每分钟最多 " + perMinute + " 次，请 " + seconds + " 秒后再试", null, ctx.getUriInfo()))
                .header("Retry-After", Long.toString(seconds))
                .build());
    }

    /** This caller's requests per minute: its client's, else the highest of its roles', else the default. */
    int perMinute() {
        Optional<Integer> byClient = caller.clientId().map(id -> config.clients().get(id));
        if (byClient.isPresent()) {
            return byClient.get();
        }
        return config.roles().entrySet().stream().filter(e -> caller.has(e.getKey())).mapToInt(Map.Entry::getValue).max()
                .orElse(config.defaultPerMinute());
    }
}
