package cn.gov.zhuzhou.duban.common.error;

import cn.gov.zhuzhou.duban.common.observability.ProblemLog;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body over {@code quarkus.http.limits.max-body-size} is refused by Vert.x before JAX-RS sees it, with an empty
 * 413; this route, ahead of that check, answers the same 413 as problem+json.
 */
@ApplicationScoped
public class OversizedBody {

    private final Optional<MemorySize> limit;
    private final ObjectMapper mapper;
    private final ProblemLog problems;

    OversizedBody(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> limit, ObjectMapper mapper,
            ProblemLog problems) {
        this.limit = limit;
        this.mapper = mapper;
        this.problems = problems;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 100).handler(this::refuseWhenTooLarge).failureHandler(this::problemFor413);
    }

    private void refuseWhenTooLarge(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (limit.isPresent() && length != null) {
            try {
                if (Long.parseLong(length.trim()) > limit.get().asLongValue()) {
                    ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                    answer(ctx);
                    return;
                }
            } catch (NumberFormatException ignored) {
                // Vert.x refuses a malformed Content-Length itself.
            }
        }
        ctx.next();
    }

    private void problemFor413(RoutingContext ctx) {
        if (ctx.statusCode() == 413 && !ctx.response().headWritten()) {
            answer(ctx);
        } else {
            ctx.next();
        }
    }

    private void answer(RoutingContext ctx) {
        String detail = "请求体超过 " + limit.map(l -> l.asLongValue() / 1024 + " KB").orElse("允许") + " 的上限";
        Problem body = new Problem(ProblemKind.PAYLOAD_TOO_LARGE.type(), ProblemKind.PAYLOAD_TOO_LARGE.title(), 413, detail,
                ctx.request().path(), null);
        problems.record(body, ctx.request().method().name());
        try {
            ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .end(mapper.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            ctx.response().setStatusCode(413).end();
        }
    }
}
