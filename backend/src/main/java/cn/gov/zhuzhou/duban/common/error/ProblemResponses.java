package cn.gov.zhuzhou.duban.common.error;

import java.util.List;

/** Descriptions shared by the OpenAPI error responses, so every operation documents them the same way. */
public final class ProblemResponses {

    public static final String BAD_REQUEST = "请求参数不合法（problem+json，violations 列出每个字段）";
    public static final String NOT_FOUND = "资源不存在";
    public static final String CONFLICT = "与当前数据冲突：重复、版本已过期或仍被引用";
    public static final String UNSUPPORTED = "请求体须为 application/json";
    public static final String UNAUTHORIZED = "缺少有效的访问令牌";
    public static final String FORBIDDEN = "当前角色或单位无权执行此操作";
    public static final String UNAVAILABLE = "暂时无法服务，按 Retry-After 重试：数据库暂时无法访问（type service-unavailable，就绪检查为 DOWN），"
            + "或请求过多、排队超时（type overloaded，服务繁忙，就绪检查仍为 UP）";
    public static final String CONFLICT_POST = "与当前数据冲突：重复、版本已过期、状态不允许，或同一 Idempotency-Key 的首次请求仍在处理（稍后用同一键重试）";
    public static final String KEY_REUSED = "Idempotency-Key 已用于另一请求（方法、地址或请求体不同）：新的请求须换新键";
    public static final String PRECONDITION_FAILED = "If-Match 所指的版本已不是当前版本：problem 的 currentEtag 与 ETag 头给出当前标签，重新读取后再改";
    public static final String PRECONDITION_REQUIRED = "缺少 If-Match：先读取资源，把 ETag 原样放进 If-Match";
    public static final String TOO_MANY = "请求过于频繁（按客户端与角色限流）：按 Retry-After 的秒数等待后重试";

    // The examples of the error responses. Type, title and status come from the catalogue (ProblemKind), as in the
    // answers the mappers give; only the occurrence (detail, instance, violations, currentEtag) is written here.
    public static final Problem EXAMPLE_NOT_FOUND = example(ProblemKind.NOT_FOUND, "任务 42 不存在", "/api/v1/tasks/42");
    public static final Problem EXAMPLE_VALIDATION = example(ProblemKind.VALIDATION, "title：不能为空", "/api/v1/tasks",
            List.of(new Problem.Violation("title", "不能为空")), null);
    public static final Problem EXAMPLE_CONFLICT = example(ProblemKind.STALE_VERSION,
            "任务 42 已被他人修改（提交的版本 3，当前版本 4），请刷新后重试", "/api/v1/tasks/42");
    public static final Problem EXAMPLE_UNSUPPORTED = example(ProblemKind.UNSUPPORTED_MEDIA_TYPE, "请求体须为 application/json",
            "/api/v1/tasks");
    public static final Problem EXAMPLE_UNAUTHORIZED = example(ProblemKind.UNAUTHORIZED,
            "需要有效的访问令牌（令牌缺失、过期、签名或签发方不符）", "/api/v1/tasks");
    public static final Problem EXAMPLE_FORBIDDEN = example(ProblemKind.FORBIDDEN, "当前角色无权执行此操作", "/api/v1/units");
    public static final Problem EXAMPLE_UNAVAILABLE = example(ProblemKind.SERVICE_UNAVAILABLE, "数据库暂时无法访问，请稍后重试",
            "/api/v1/tasks");
    public static final Problem EXAMPLE_KEY_REUSED = example(ProblemKind.IDEMPOTENCY_KEY_REUSED,
            "幂等键 8e03978e-40d5-43e8-bc93-6894a57f9324 已用于另一请求（方法、地址或请求体不同）；新的请求请换一个新键",
            "/api/v1/tasks/14/progress");
    public static final Problem EXAMPLE_PRECONDITION_FAILED = example(ProblemKind.PRECONDITION_FAILED,
            "任务 42 已被他人修改（If-Match 与当前版本 4 不符），请重新读取后再提交", "/api/v1/tasks/42", null, "\"4\"");
    public static final Problem EXAMPLE_PRECONDITION_REQUIRED = example(ProblemKind.PRECONDITION_REQUIRED,
            "修改须带 If-Match 请求头：先读取该资源（GET），把响应的 ETag 原样放进 If-Match", "/api/v1/tasks/42");
    public static final Problem EXAMPLE_TOO_MANY = example(ProblemKind.TOO_MANY_REQUESTS, "请求过于频繁：每分钟最多 120 次，请 12 秒后再试",
            "/api/v1/tasks");
    public static final Problem EXAMPLE_OVERLOADED = example(ProblemKind.OVERLOADED, "服务繁忙，请求较多，请 2 秒后重试", "/api/v1/tasks");

    /** An example answer of {@code kind}: the catalogue's type, title and status, with this occurrence's detail and path. */
    static Problem example(ProblemKind kind, String detail, String instance) {
        return example(kind, detail, instance, null, null);
    }

    static Problem example(ProblemKind kind, String detail, String instance, List<Problem.Violation> violations, String currentEtag) {
        // No request id: an example is no request's (and the canonical constructor does not read the logging context).
        return new Problem(kind.type(), kind.title(), kind.status().getStatusCode(), detail, instance, violations, currentEtag, null);
    }

    private ProblemResponses() {
    }
}
