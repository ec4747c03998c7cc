package cn.gov.zhuzhou.duban.common.http;

import cn.gov.zhuzhou.duban.common.error.ProblemKind;
import cn.gov.zhuzhou.duban.common.error.ProblemMappers;
import cn.gov.zhuzhou.duban.common.security.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * {@code Idempotency-Key} on every POST of the API, in this one place (IETF httpapi draft): the first request with a
 * key is served and its answer kept; a retry with the same key and the same request gets that answer again (status,
 * Location, ETag, Content-Type, body) and changes nothing; the same key with another request is 422; the same key while
 * the first is still being served is 409. Keys belong to the caller (the token's subject). Server errors (5xx) and
 * answers about the moment (409, 429) are not kept: the key stays free and the client retries with it.
 */
public class IdempotencyFilter {

    /** Runs after the rate limit and after the precondition check. */
    static final int REQUEST_PRIORITY = jakarta.ws.rs.Priorities.USER - 100;
    /** Response filters run from the highest priority down: this one last, after the ETag is set. */
    static final int RESPONSE_PRIORITY = jakarta.ws.rs.Priorities.USER - 200;
    /** Set on a replayed answer. */
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final String RESERVATION = IdempotencyFilter.class.getName() + ".reservation";
    private static final String REPLAY = IdempotencyFilter.class.getName() + ".replay";
    /** The response headers a replay repeats. */
    private static final List<String> KEPT_HEADERS = List.of("Location", "ETag", "Content-Location");
    private static final Logger LOG = Logger.getLogger(IdempotencyFilter.class);

    private final IdempotencyStore store;
    private final Caller caller;
    private final ObjectMapper mapper;

    IdempotencyFilter(IdempotencyStore store, Caller caller, ObjectMapper mapper) {
        this.store = store;
        this.caller = caller;
        this.mapper = mapper;
    }

    @ServerRequestFilter(priority = REQUEST_PRIORITY)
    public Optional<Response> takeKey(ContainerRequestContext ctx) {
        String header = ctx.getHeaderString(IdempotencyKey.HEADER);
        if (header == null || !"POST".equals(ctx.getMethod()) || !ctx.getUriInfo().getRequestUri().getRawPath().startsWith("/api/")
                || caller.isAnonymous()) {
            return Optional.empty();
        }
        Optional<String> key = IdempotencyKey.parse(header);
        if (key.isEmpty()) {
            return Optional.of(ProblemMappers.build(ProblemKind.VALIDATION, "Idempotency-Key 须为 1 到 " + IdempotencyKey.MAX_LENGTH
                    + " 个可打印 ASCII 字符（建议用 UUID），写作带引号的字符串",
                    List.of(new cn.gov.zhuzhou.duban.common.error.Problem.Violation(IdempotencyKey.HEADER, "格式不正确")), ctx.getUriInfo()));
        }
        byte[] body;
        try {
            body = ctx.hasEntity() ? ctx.getEntityStream().readAllBytes() : new byte[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.setEntityStream(new ByteArrayInputStream(body));
        var uri = ctx.getUriInfo().getRequestUri();
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String fingerprint = IdempotencyKey.fingerprint(ctx.getMethod(), target, body);
        IdempotencyStore.Decision decision = store.begin(caller.subject(), key.get(), fingerprint);
        if (decision instanceof IdempotencyStore.Proceed proceed) {
            ctx.setProperty(RESERVATION, proceed.id());
            return Optional.empty();
        }
        if (decision instanceof IdempotencyStore.Replay replay) {
            ctx.setProperty(REPLAY, Boolean.TRUE);
            Response.ResponseBuilder answer = Response.status(replay.status()).header(REPLAYED, "true");
            replay.headers().forEach((name, value) -> {
                if (!name.equals("Content-Type")) {
                    answer.header(name, value);
                }
            });
            if (replay.body().length > 0) {
                answer.entity(replay.body()).type(replay.headers().getOrDefault("Content-Type", MediaType.APPLICATION_JSON));
            }
            return Optional.of(answer.build());
        }
        if (decision instanceof IdempotencyStore.Mismatch) {
            return Optional.of(ProblemMappers.build(ProblemKind.IDEMPOTENCY_KEY_REUSED,
                    "幂等键 " + key.get() + " 已用于另一请求（方法、地址或请求体不同）；新的请求请换一个新键", null, ctx.getUriInfo()));
        }
        return Optional.of(ProblemMappers.build(ProblemKind.IDEMPOTENCY_IN_PROGRESS,
                "幂等键 " + key.get() + " 的首次请求仍在处理，请稍后用同一键重试", null, ctx.getUriInfo()));
    }

    @ServerResponseFilter(priority = RESPONSE_PRIORITY)
    public void keepAnswer(ContainerRequestContext request, ContainerResponseContext response) {
        Object reservation = request.getProperty(RESERVATION);
        if (!(reservation instanceof Long id)) {
            return;
        }
        request.removeProperty(RESERVATION);
        int status = response.getStatus();
        if (status >= 500 || status == 409 || status == 429 || status == 408) {
            store.release(id);
            return;
        }
        byte[] body;
        try {
            body = bytes(response.getEntity());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            LOG.warnf("answer to idempotent request %s cannot be kept (%s); the key is released", request.getUriInfo().getPath(), e);
            store.release(id);
            return;
        }
        if (response.getEntity() != null && !(response.getEntity() instanceof byte[])) {
            response.setEntity(body, response.getEntityAnnotations(), response.getMediaType());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (response.getMediaType() != null && body.length > 0) {
            headers.put("Content-Type", response.getMediaType().toString());
        }
        for (String name : KEPT_HEADERS) {
            String value = response.getHeaderString(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        store.complete(id, status, headers, body);
    }

    private byte[] bytes(Object entity) throws JsonProcessingException {
        if (entity == null) {
            return new byte[0];
        }
        if (entity instanceof byte[] raw) {
            return raw;
        }
        if (entity instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (entity instanceof java.io.InputStream || entity instanceof jakarta.ws.rs.core.StreamingOutput || entity instanceof java.io.File) {
            throw new IllegalArgumentException("a streamed body");
        }
        return mapper.writeValueAsBytes(entity);
    }
}
