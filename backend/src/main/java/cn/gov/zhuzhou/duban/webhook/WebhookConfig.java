package cn.gov.zhuzhou.duban.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Webhook delivery settings ({@code duban.webhooks.*}); the README's configuration table lists them. */
@ConfigMapping(prefix = "duban.webhooks")
public interface WebhookConfig {

    /** Plain http URLs accepted (development and tests only; production keeps https). */
    @WithDefault("false")
    boolean allowHttp();

    /** Loopback receivers accepted (development and tests only: the test's own receiver on 127.0.0.1). */
    @WithDefault("false")
    boolean allowLoopback();

    /**
     * The only hosts a webhook may point at ({@code partner.example.cn}, {@code *.example.cn} for its subdomains, or
     * {@code *} for any public host); unset: no webhook can be registered or sent (DUBAN_WEBHOOK_ALLOWED_HOSTS).
     */
    Optional<List<String>> allowedHosts();

    /** When each attempt is made, counted from the previous one: the first is the initial attempt; after the last, the delivery fails. */
    @WithDefault("0s,5s,5m,30m,2h,5h,10h,10h")
    List<Duration> retrySchedule();

    /** How long one request may take, from connecting to the receiver's status line. */
    @WithDefault("10s")
    Duration requestTimeout();

    /** How long connecting may take. */
    @WithDefault("5s")
    Duration connectTimeout();

    /**
     * A claimed delivery is leased for connect timeout + request timeout + this margin: if its instance dies while
     * sending, another sends it again once the lease has run out (DUBAN_WEBHOOK_LEASE_MARGIN).
     */
    @WithDefault("30s")
    Duration leaseMargin();

    /** On shutdown, how long the deliveries already being sent may take to finish and be recorded (DUBAN_WEBHOOK_SHUTDOWN_WAIT). */
    @WithDefault("15s")
    Duration shutdownWait();

    /** How long the old secret keeps signing alongside the new one after a rotation. */
    @WithDefault("24h")
    Duration rotationOverlap();

    /** At most this many deliveries of one subscription are started per dispatch pass, so one queue cannot crowd out others. */
    @WithDefault("10")
    int perSubscriptionBatch();

    /** How often the dispatcher looks for due deliveries. */
    @WithDefault("2s")
    String dispatchEvery();
}
