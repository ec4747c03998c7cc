package cn.gov.zhuzhou.duban.common.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

/** The catalogue of problem types: a stable URI slug, an HTTP status and a zh-CN title for each. */
public enum ProblemKind {
    VALIDATION("validation", Status.BAD_REQUEST, "请求参数不合法"),
    MALFORMED_BODY("malformed-body", Status.BAD_REQUEST, "请求体无法解析"),
    UNAUTHORIZED("unauthorized", Status.UNAUTHORIZED, "未登录或令牌无效"),
    FORBIDDEN("forbidden", Status.FORBIDDEN, "无权执行此操作"),
    NOT_FOUND("not-found", Status.NOT_FOUND, "资源不存在"),
    METHOD_NOT_ALLOWED("method-not-allowed", Status.METHOD_NOT_ALLOWED, "不支持的请求方法"),
    NOT_ACCEPTABLE("not-acceptable", Status.NOT_ACCEPTABLE, "无法提供所要求的响应格式"),
    CONFLICT("conflict", Status.CONFLICT, "与当前数据冲突"),
    STALE_VERSION("stale-version", Status.CONFLICT, "数据已被他人修改"),
    IN_USE("in-use", Status.CONFLICT, "资源仍被引用，不能删除"),
    ILLEGAL_TRANSITION("illegal-transition", Status.CONFLICT, "当前状态不允许此操作"),
    PAYLOAD_TOO_LARGE("payload-too-large", Status.REQUEST_ENTITY_TOO_LARGE, "请求体过大"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", Status.UNSUPPORTED_MEDIA_TYPE, "不支持的请求格式"),
    PRECONDITION_FAILED("precondition-failed", Status.PRECONDITION_FAILED, "数据已被他人修改（If-Match 与当前版本不符）"),
    PRECONDITION_REQUIRED("precondition-required", Status.PRECONDITION_REQUIRED, "缺少 If-Match 前提条件"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", Unprocessable.INSTANCE, "幂等键已用于另一请求"),
    IDEMPOTENCY_IN_PROGRESS("idempotency-in-progress", Status.CONFLICT, "同一幂等键的请求仍在处理"),
    TOO_MANY_REQUESTS("too-many-requests", Status.TOO_MANY_REQUESTS, "请求过于频繁"),
    SERVICE_UNAVAILABLE("service-unavailable", Status.SERVICE_UNAVAILABLE, "服务暂时不可用"),
    /** Too many requests at once for this instance; the database is up (readiness stays UP). Retry after Retry-After. */
    OVERLOADED("overloaded", Status.SERVICE_UNAVAILABLE, "服务繁忙"),
    INTERNAL("internal", Status.INTERNAL_SERVER_ERROR, "服务器内部错误");

    private final String slug;
    private final Response.StatusType status;
    private final String title;

    ProblemKind(String slug, Response.StatusType status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public String type() {
        return Problem.TYPE_BASE + slug;
    }

    public Response.StatusType status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** 422 Unprocessable Content (RFC 9110), which Jakarta REST's Status does not name. */
    private enum Unprocessable implements Response.StatusType {
        INSTANCE;

        @Override
        public int getStatusCode() {
            return 422;
        }

        @Override
        public Status.Family getFamily() {
            return Status.Family.CLIENT_ERROR;
        }

        @Override
        public String getReasonPhrase() {
            return "Unprocessable Content";
        }
    }
}
