package cn.gov.zhuzhou.duban.common.http;

import cn.gov.zhuzhou.duban.common.error.ProblemKind;
import cn.gov.zhuzhou.duban.common.error.ProblemMappers;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * ETags and preconditions for the whole API, in this one place: every successful answer that carries one resource's
 * view (a record with a {@code version}) gets its strong ETag, a GET whose {@code If-None-Match} names it is answered
 * 304 without a body, and every PUT or PATCH must carry {@code If-Match} (428 without it); the version check itself is
 * {@code StaleVersionException.requireCurrent}, which answers 412 with the current tag when If-Match names another.
 */
public class EntityTagFilter {

    static final int REQUEST_PRIORITY = jakarta.ws.rs.Priorities.USER - 300;
    /** Before the idempotency filter keeps the answer, so a replay repeats the ETag. */
    static final int RESPONSE_PRIORITY = jakarta.ws.rs.Priorities.USER - 100;

    private final RequestPreconditions preconditions;
    private final ObjectMapper mapper;

    EntityTagFilter(RequestPreconditions preconditions, ObjectMapper mapper) {
        this.preconditions = preconditions;
        this.mapper = mapper;
    }

    @ServerRequestFilter(priority = REQUEST_PRIORITY)
    public Optional<Response> requireIfMatch(ContainerRequestContext ctx) {
        if (!ctx.getUriInfo().getRequestUri().getRawPath().startsWith("/api/")) {
            return Optional.empty();
        }
        String ifMatch = ctx.getHeaderString(HttpHeaders.IF_MATCH);
        if (ifMatch != null) {
            preconditions.ifMatch(EntityTags.IfMatch.parse(ifMatch));
            return Optional.empty();
        }
        if (HttpMethod.PUT.equals(ctx.getMethod()) || HttpMethod.PATCH.equals(ctx.getMethod())) {
            return Optional.of(ProblemMappers.build(ProblemKind.PRECONDITION_REQUIRED,
                    "修改须带 If-Match 请求头：先读取该资源（GET），把响应的 ETag 原样放进 If-Match", null, ctx.getUriInfo()));
        }
        return Optional.empty();
    }

    @ServerResponseFilter(priority = RESPONSE_PRIORITY)
    public void tag(ContainerRequestContext request, ContainerResponseContext response) throws JsonProcessingException {
        int status = response.getStatus();
        if (status < 200 || status >= 300 || !request.getUriInfo().getRequestUri().getRawPath().startsWith("/api/")) {
            return;
        }
        Object entity = response.getEntity();
        Optional<Long> version = EntityTags.versionOf(entity);
        if (version.isEmpty()) {
            return;
        }
        // Written once here, and the bytes handed on to the writer, so the tag is the digest of what is sent.
        byte[] body = mapper.writeValueAsBytes(entity);
        String tag = EntityTags.of(version.get(), body);
        response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        if ((HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod()))
                && EntityTags.noneMatchHits(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), tag)) {
            response.setStatus(Response.Status.NOT_MODIFIED.getStatusCode());
            response.setEntity(null);
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
            return;
        }
        response.setEntity(body, response.getEntityAnnotations(), response.getMediaType());
    }
}
