package cn.gov.zhuzhou.duban.common.admission;

import cn.gov.zhuzhou.duban.common.config.DubanConfig;
import cn.gov.zhuzhou.duban.common.error.ServiceOverloadedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

/**
 * Admission control in front of the API (issue 11): at most {@code duban.admission.max-active} requests of
 * {@code /api/} work at once, each holding at most one pooled connection; the rest queue in arrival order. A request
 * that has not had its turn {@code duban.admission.max-wait} after it arrived (time spent waiting for a worker thread
 * included) is answered 503 overloaded with Retry-After, at once and without touching the database. So the pool
 * (larger than max-active) never runs dry under load: the health check and the scheduled jobs always get a
 * connection, and a pool time-out means the database really is away.
 * <p>
 * Health, metrics and the OpenAPI document are not JAX-RS resources of {@code /api/} and are never queued.
 */
@ApplicationScoped
public class AdmissionControl {

    private static final Logger LOG = Logger.getLogger(AdmissionControl.class);
    private static final String ARRIVED = "duban.arrived";

    private final Semaphore permits;
    private final long maxWaitNanos;
    private final int retryAfter;

    AdmissionControl(DubanConfig config) {
        this.permits = new Semaphore(config.admission().maxActive(), true);
        this.maxWaitNanos = config.admission().maxWait().toNanos();
        this.retryAfter = config.admission().retryAfter();
    }

    /** The turns themselves (tests take them all to show the overload answer). */
    Semaphore permits() {
        return permits;
    }

    /** Notes when each API request arrived, on the event loop, before it waits for a worker thread. */
    void install(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE + 99).handler(this::arrived);
    }

    private void arrived(RoutingContext ctx) {
        ctx.put(ARRIVED, System.nanoTime());
        ctx.next();
    }

    /**
     * On the worker thread, before the resource runs: wait for a turn until the request's wait is used up. The turn is
     * given back when REST completes the request, however it ends (answered, failed, or its client gone): a Vert.x
     * end handler is not enough, since the response's end and close handlers can be replaced further down the line,
     * which leaked every turn of a request whose client went away.
     */
    void admit(RoutingContext ctx, ServerRequestContext request) throws InterruptedException {
        Long arrived = ctx.get(ARRIVED);
        if (arrived == null) {
            return;
        }
        long left = maxWaitNanos - (System.nanoTime() - arrived);
        if (!permits.tryAcquire(Math.max(0, left), TimeUnit.NANOSECONDS)) {
            LOG.debugf("overloaded: %s waited %d ms", ctx.request().path(), (System.nanoTime() - arrived) / 1_000_000);
            throw new ServiceOverloadedException(retryAfter);
        }
        AtomicBoolean released = new AtomicBoolean();
        request.registerCompletionCallback(failure -> {
            if (released.compareAndSet(false, true)) {
                permits.release();
            }
        });
    }
}
