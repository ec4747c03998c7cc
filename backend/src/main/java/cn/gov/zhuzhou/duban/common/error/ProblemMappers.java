package cn.gov.zhuzhou.duban.common.error;

import cn.gov.zhuzhou.duban.common.json.InvalidTextException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.vertx.core.http.HttpServerRequest;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into RFC 9457 problem+json, in this one place. Nothing here leaks a class name or a
 * stack trace; unexpected failures are logged with an id the body repeats. A client that went away while its answer
 * was written is no failure of the service's: a line at DEBUG, not an ERROR with an incident.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    static final String RETRY_AFTER_SECONDS = "5";

    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri) {
        if (e instanceof PreconditionFailedException stale) {
            Problem body = new Problem(e.kind().type(), e.kind().title(), e.kind().status().getStatusCode(), e.getMessage(),
                    uri == null ? null : uri.getPath(), null, stale.currentEtag());
            return Response.status(e.kind().status()).type(Problem.MEDIA_TYPE).entity(body)
                    .header("ETag", stale.currentEtag()).build();
        }
        if (e instanceof ServiceOverloadedException overloaded) {
            return Response.fromResponse(build(e.kind(), e.getMessage(), null, uri))
                    .header("Retry-After", String.valueOf(overloaded.retryAfterSeconds())).build();
        }
        return build(e.kind(), e.getMessage(), e.violations(), uri);
    }

    @ServerExceptionMapper({io.quarkus.security.UnauthorizedException.class,
            io.quarkus.security.AuthenticationFailedException.class, io.quarkus.security.AuthenticationRedirectException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(build(ProblemKind.UNAUTHORIZED, "需要有效的访问令牌（令牌缺失、过期、签名或签发方不符）", null, uri))
                .header("WWW-Authenticate", "Bearer realm=\"duban\"").build();
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri) {
        return build(ProblemKind.FORBIDDEN, "当前角色无权执行此操作", null, uri);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        String detail = violations.stream().map(v -> v.field() + "：" + v.message()).collect(Collectors.joining("；"));
        return build(ProblemKind.VALIDATION, detail, violations, uri);
    }

    /**
     * Every Jackson failure, each type named exactly: quarkus-rest-jackson ships its own mapper for
     * MismatchedInputException (an empty 400, or a body of its own), which wins over a mapper for a parent type.
     */
    @ServerExceptionMapper({JsonProcessingException.class, JsonMappingException.class, MismatchedInputException.class,
            InvalidFormatException.class, UnrecognizedPropertyException.class, InvalidDefinitionException.class,
            ValueInstantiationException.class, InvalidNullException.class, InvalidTextException.class,
            StreamReadException.class, JsonParseException.class, JsonEOFException.class, StreamConstraintsException.class})
    public Response badJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof StreamConstraintsException) {
            return build(ProblemKind.MALFORMED_BODY, "请求体嵌套过深或过长，超出允许的范围", null, uri);
        }
        if (e instanceof JsonParseException parse && parse.getOriginalMessage() != null
                && parse.getOriginalMessage().startsWith("Duplicate field")) {
            String field = duplicatedField(parse);
            return build(ProblemKind.VALIDATION, "字段 " + field + " 重复出现", List.of(new Problem.Violation(field, "字段重复")), uri);
        }
        if (!(e instanceof JsonMappingException mapping) || e instanceof JsonEOFException
                || (e.getMessage() != null && e.getMessage().contains("end-of-input"))) {
            return build(ProblemKind.MALFORMED_BODY, "请求体不是合法的 JSON", null, uri);
        }
        if (mapping.getPath().isEmpty()) {
            return build(ProblemKind.MALFORMED_BODY, "请求体须为 JSON 对象", null, uri);
        }
        String field = pathOf(mapping);
        if (e instanceof UnrecognizedPropertyException) {
            return build(ProblemKind.VALIDATION, "不允许的字段：" + field, List.of(new Problem.Violation(field, "不允许的字段")), uri);
        }
        if (e instanceof InvalidTextException text) {
            return build(ProblemKind.VALIDATION, "字段 " + field + " " + text.reason(), List.of(new Problem.Violation(field, text.reason())), uri);
        }
        if (e instanceof InvalidFormatException) {
            return build(ProblemKind.VALIDATION, "字段 " + field + " 的值格式不正确", List.of(new Problem.Violation(field, "格式不正确")), uri);
        }
        return build(ProblemKind.VALIDATION, "字段 " + field + " 的值类型不正确", List.of(new Problem.Violation(field, "值类型不正确")), uri);
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        if (cn.gov.zhuzhou.duban.common.http.RequestPreconditions.current().isPresent()) {
            // Two edits passed the If-Match check at the same moment and the other one was written first.
            return build(ProblemKind.PRECONDITION_FAILED, "数据已被他人同时修改（If-Match 所指的版本已不是当前版本），请重新读取后再提交", null, uri);
        }
        return build(ProblemKind.STALE_VERSION, "数据已被他人同时修改，请刷新后重试", null, uri);
    }

    /** Two people acting on the same record at once: the database made one wait and gave up; the client retries. */
    @ServerExceptionMapper({jakarta.persistence.PessimisticLockException.class, org.hibernate.exception.LockAcquisitionException.class})
    public Response lockConflict(RuntimeException e, UriInfo uri) {
        return build(ProblemKind.STALE_VERSION, "数据正被他人同时修改，请刷新后重试", null, uri);
    }

    @ServerExceptionMapper
    public Response notSupported(NotSupportedException e, UriInfo uri) {
        return build(ProblemKind.UNSUPPORTED_MEDIA_TYPE, "请求体须为 application/json", null, uri);
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri) {
        return build(ProblemKind.METHOD_NOT_ALLOWED, "此地址不支持该请求方法", null, uri);
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e, UriInfo uri) {
        return build(ProblemKind.NOT_ACCEPTABLE, "只能提供 application/json", null, uri);
    }

    @ServerExceptionMapper
    public Response notFound(jakarta.ws.rs.NotFoundException e, UriInfo uri) {
        if (e.getCause() != null) {
            // JAX-RS reports a query or path parameter it cannot convert as 404; for the client it is bad input.
            Problem.Violation violation = BadParameter.of(e.getCause(), uri);
            return build(ProblemKind.VALIDATION, violation.field() + "：" + violation.message(), List.of(violation), uri);
        }
        return build(ProblemKind.NOT_FOUND, "地址 " + uri.getPath() + " 不存在", null, uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        if (status == 401) {
            return build(ProblemKind.UNAUTHORIZED, "需要有效的访问令牌", null, uri);
        }
        if (status == 403) {
            return build(ProblemKind.FORBIDDEN, "当前角色无权执行此操作", null, uri);
        }
        if (status >= 500) {
            return unexpected(e, uri, request);
        }
        if (status == 400) {
            for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                if (t instanceof JsonProcessingException json) {
                    return badJson(json, uri);
                }
            }
            return build(ProblemKind.MALFORMED_BODY, "请求无法解析，请检查请求体与参数", null, uri);
        }
        ProblemKind kind = status == 404 ? ProblemKind.NOT_FOUND : ProblemKind.VALIDATION;
        return build(kind, e.getMessage(), null, uri);
    }

    /**
     * The status recorded (never sent: there is no one to send it to) when the client closed its connection before its
     * answer was written: nginx's 499 "client closed request", as access logs and proxies know it.
     */
    static final int CLIENT_CLOSED_REQUEST = 499;

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri, HttpServerRequest request) {
        if (DatabaseUnavailable.isPoolExhausted(e)) {
            // Every pooled connection stayed lent out (admission control keeps requests below the pool, so this is
            // work beyond it: jobs, a burst): an overload, not an outage; readiness stays UP.
            LOG.warnf("connection pool exhausted on %s", uri.getPath());
            return domain(new ServiceOverloadedException(Integer.parseInt(RETRY_AFTER_SECONDS)), uri);
        }
        if (DatabaseUnavailable.isCause(e)) {
            LOG.warnf("database unavailable on %s: %s", uri.getPath(), e.toString());
            dropDeadConnections();
            return Response.fromResponse(build(ProblemKind.SERVICE_UNAVAILABLE, "数据库暂时无法访问，请稍后重试", null, uri))
                    .header("Retry-After", RETRY_AFTER_SECONDS)
                    .build();
        }
        if (request != null && request.response().closed()) {
            // A closed tab, a client's time-out, a load generator stopping: the answer could not be written ("Connection
            // has been closed"). Nothing failed on this side and nothing is lost (a write had committed before its
            // answer was written), so this is no incident for the operator.
            LOG.debugf("client closed the connection before its answer was written on %s: %s", uri.getPath(), e);
            return Response.status(CLIENT_CLOSED_REQUEST).build();
        }
        String incident = Long.toHexString(Double.doubleToLongBits(Math.random())).substring(0, 10);
        LOG.errorf(e, "unexpected failure %s on %s", incident, uri.getPath());
        return build(ProblemKind.INTERNAL, "服务器内部错误（事件编号 " + incident + "），请联系管理员", null, uri);
    }

    /**
     * The pooled connections most likely died with the one that failed (a restart, a network cut), and an idle one is
     * checked before it is lent only after a second's idleness (issue 11: not a statement per borrow). So have the pool
     * check its idle connections now and drop the dead ones (Agroal does it on its housekeeping thread): once the
     * database is back, the next requests get live connections, not the dead ones one request at a time.
     */
    private static void dropDeadConnections() {
        try {
            Arc.container().instance(AgroalDataSource.class).get().flush(AgroalDataSource.FlushMode.INVALID);
        } catch (RuntimeException e) {
            LOG.debugf("the pool's idle connections could not be checked: %s", e.toString());
        }
    }

    public static Response build(ProblemKind kind, String detail, List<Problem.Violation> violations, UriInfo uri) {
        Problem body = new Problem(kind.type(), kind.title(), kind.status().getStatusCode(), detail,
                uri == null ? null : uri.getPath(), violations);
        return Response.status(kind.status()).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    private static String fieldOf(ConstraintViolation<?> v) {
        // Bean Validation paths read "updateTask.request.title": keep what the client sent, the last nodes.
        String path = v.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        if (parts.length >= 3) {
            return String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length));
        }
        return parts[parts.length - 1];
    }

    /** The field's path as the client wrote it: {@code items[0].title}. */
    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** The path of the key that came twice, from the parser's context at the moment it refused it. */
    private static String duplicatedField(JsonParseException e) {
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        if (e.getProcessor() != null) {
            for (JsonStreamContext c = e.getProcessor().getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
                parts.push(c.inArray() ? "[" + c.getCurrentIndex() + "]" : c.getCurrentName() == null ? "" : c.getCurrentName());
            }
        }
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            path.append(path.isEmpty() || part.startsWith("[") ? "" : ".").append(part);
        }
        return path.toString();
    }
}
