package cn.gov.zhuzhou.duban.webhook;

import cn.gov.zhuzhou.duban.events.EventFeed;
import cn.gov.zhuzhou.duban.events.EventView;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Sends what is due: numbers newly committed events (which fans them out to subscriptions), claims due deliveries
 * (SKIP LOCKED: two instances never claim the same attempt), and sends each on its own thread, so a slow or dead
 * receiver holds only its own deliveries, each for at most the request timeout. Every attempt is recorded, and the
 * retry policy decides what follows. Runs every {@code duban.webhooks.dispatch-every}; tests call {@link #dispatchDue}.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    /** This process, as "pid@host" (as in job_run.instance). */
    private static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName();

    private final EventFeed feed;
    private final WebhookStore store;
    private final WebhookSender sender;
    private final WebhookConfig config;
    private final Clock clock;
    private final ObjectMapper json;
    private final RetryPolicy policy;
    private final ExecutorService senders;

    WebhookDispatcher(EventFeed feed, WebhookStore store, WebhookSender sender, WebhookConfig config, Clock clock, ObjectMapper json) {
        this.feed = feed;
        this.store = store;
        this.sender = sender;
        this.config = config;
        this.clock = clock;
        this.json = json;
        this.policy = new RetryPolicy(config.retrySchedule());
        AtomicInteger n = new AtomicInteger();
        this.senders = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "webhook-sender-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Scheduled(identity = "webhook-dispatch", every = "{duban.webhooks.dispatch-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void everyFewSeconds() {
        try {
            dispatchDue();
        } catch (RuntimeException e) {
            LOG.warn("webhook dispatch pass failed; the next pass retries", e);
        }
    }

    /** One pass; the future completes when every attempt it started is recorded. */
    public CompletableFuture<Void> dispatchDue() {
        feed.sequenceCommittedEvents();
        Instant now = clock.instant();
        Instant lease = now.plus(config.requestTimeout()).plus(config.connectTimeout()).plus(config.leaseMargin());
        record Outgoing(WebhookStore.Claim claim, String messageId, byte[] body) {
        }
        List<Outgoing> outgoing = QuarkusTransaction.requiringNew().call(() -> {
            List<Outgoing> out = new ArrayList<>();
            for (WebhookStore.Claim c : store.claimDue(now, lease, config.perSubscriptionBatch(), INSTANCE)) {
                EventView event = feed.byRow(c.eventRow()).orElseThrow();
                out.add(new Outgoing(c, event.id(), body(event)));
            }
            return out;
        });
        List<CompletableFuture<Void>> attempts = new ArrayList<>();
        for (Outgoing o : outgoing) {
            attempts.add(CompletableFuture.supplyAsync(() -> sender.send(o.claim().url(), o.messageId(), o.claim().secrets(), o.body()), senders)
                    .thenAccept(result -> record(o.claim(), result))
                    .exceptionally(e -> {
                        LOG.warnf(e, "webhook delivery %d: attempt not recorded; it is sent again after its lease", o.claim().deliveryId());
                        return null;
                    }));
        }
        return CompletableFuture.allOf(attempts.toArray(CompletableFuture[]::new));
    }

    private void record(WebhookStore.Claim claim, WebhookSender.Result result) {
        Instant now = clock.instant();
        RetryPolicy.Outcome outcome = policy.after(claim.attempt(), result.statusCode(), result.retryAfter(), now);
        QuarkusTransaction.requiringNew().run(() -> {
            store.recordAttempt(claim.deliveryId(), now.minusMillis(result.latencyMs()), result.statusCode(), result.latencyMs(), result.error());
            switch (outcome.kind()) {
                case SUCCEEDED -> store.settle(claim.deliveryId(), WebhookStore.SUCCEEDED, null, result.statusCode(), null, now);
                case RETRY -> store.settle(claim.deliveryId(), WebhookStore.PENDING, outcome.nextAttemptAt(), result.statusCode(), result.error(), now);
                case FAILED -> store.settle(claim.deliveryId(), WebhookStore.FAILED, null, result.statusCode(),
                        "重试 " + (claim.attempt() - 1) + " 次后仍未成功：" + result.error(), now);
                case DISABLE -> {
                    store.settle(claim.deliveryId(), WebhookStore.FAILED, null, result.statusCode(), "接收方返回 410 Gone", now);
                    store.disable(claim.subscriptionId(), "接收方返回 410 Gone，订阅已停用", now);
                }
            }
        });
    }

    private byte[] body(EventView event) {
        try {
            return json.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event cannot be written as JSON", e);
        }
    }

    /**
     * On shutdown, the deliveries already being sent finish and are recorded (each is bounded by the request timeout),
     * up to {@code shutdown-wait}; what is still out then is sent again by another instance after its lease.
     */
    void stop(@Observes ShutdownEvent shutdown) {
        senders.shutdown();
        try {
            if (!senders.awaitTermination(config.shutdownWait().toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("webhook deliveries still being sent at shutdown; another instance sends them again after their lease");
                senders.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            senders.shutdownNow();
        }
    }
}
