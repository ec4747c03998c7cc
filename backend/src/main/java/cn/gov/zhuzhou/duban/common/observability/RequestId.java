package cn.gov.zhuzhou.duban.common.observability;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Every request has an id: the caller's {@code X-Request-Id} when it is a plain token (1 to 64 letters, digits,
 * {@code . _ : -}), else a new UUID. It goes back in the response's {@code X-Request-Id}, into the logging context
 * (MDC key {@code requestId}, so every log line of the request carries it, in JSON as {@code mdc.requestId}) and into
 * every problem body ({@code requestId}). A header that is too long or carries other characters is never logged or
 * echoed: it could forge log lines or smuggle data.
 *
 * <p>The route runs first of all (before the 413 check of {@code OversizedBody}) on the request's Vert.x duplicated
 * context, which Quarkus' MDC follows onto the worker thread that runs the resource.
 */
@ApplicationScoped
public class RequestId {

    public static final String HEADER = "X-Request-Id";
    /** MDC key of the request id; the JSON log writes it as {@code mdc.requestId}. */
    public static final String MDC_KEY = "requestId";
    static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 50).handler(this::assign);
    }

    private void assign(RoutingContext ctx) {
        String id = accept(ctx.request().getHeader(HEADER));
        MDC.put(MDC_KEY, id);
        ctx.put(MDC_KEY, id);
        ctx.response().putHeader(HEADER, id);
        ctx.next();
    }

    /** The caller's id when it is acceptable, else a new one. */
    static String accept(String offered) {
        return offered != null && ACCEPTED.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }

    /** The current request's id, or null outside a request (a scheduled job, start-up). */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }
}
