package cn.gov.zhuzhou.duban.common.error;

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

    public static final String EXAMPLE_NOT_FOUND = """
            {"type":"https://duban.zhuzhou.gov.cn/problems/not-found","title":"资源不存在","status":404,\
            "detail":"任务 42 不存在","instance":"/api/v1/tasks/42"}""";
    public static final String EXAMPLE_VALIDATION = """
            {"type":"https://duban.zhuzhou.gov.cn/problems/validation","title":"请求参数不合法","status":400,\
            "detail":"title：不能为空","instance":"/api/v1/tasks","violations":[{"field":"title","message":"不能为空"}]}""";
    public static final String EXAMPLE_CONFLICT = """
            {"type":"https://duban.zhuzhou.gov.cn/problems/stale-version","title":"数据已被他人修改","status":409,\
            "detail":"任务 42 已被他人修改（提交的版本 3，当前版本 4），请刷新后重试","instance":"/api/v1/tasks/42"}""";
    public static final String EXAMPLE_UNSUPPORTED = """
            {"type":"https://duban.zhuzhou.gov.cn/problems/unsupported-media-type","title":"不支持的请求格式","status":415,\
            "detail":"请求体须为 application/json","instance":"/api/v1/tasks"}""";
    public static final String EXAMPLE_UNAUTHORIZED = """
            {"type":"https://duban.zhuzhou.gov.cn/problems/unauthorized","title":"未登录或令牌无效","status":401,\
            "detail":"需要有效的访问令牌（令牌缺失、过期、签名或签发方不符）","instance":"/api/v1/tasks"}""";
    public static final String EXAMPLE_FORBIDDEN = """
            {"type":"https://duban.zhuzhou.gov.cn/problems/forbidden","title":"无权执行此操作","status":403,\
            "detail":"当前角色无权执行此操作","instance":"/api/v1/units"}""";
    public static final String EXAMPLE_UNAVAILABLE = """
            {"type":"https://duban.zhuzhou.gov.cn/problems/service-unavailable","title":"服务暂时不可用","status":503,\
            "detail":"数据库暂时无法访问，请稍后重试","instance":"/api/v1/tasks"}""";

    public static final String EXAMPLE_KEY_REUSED = """
            {"type":"https://duban.zhuzhou.gov.cn/problems/idempotency-key-reused","title":"幂等键已用于另一请求","status":422,\
            "detail":"幂等键 8e03978e-40d5-43e8-bc93-6894a57f9324 已用于另一请求（方法、地址或请求体不同）；新的请求请换一个新键",\
            "instance":"/api/v1/tasks/14/progress"}""";
    public static final String EXAMPLE_PRECONDITION_FAILED = """
            {"type":"https://duban.zhuzhou.gov.cn/problems/precondition-failed","title":"数据已被他人修改（If-Match 与当前版本不符）",\
            "status":412,"detail":"任务 42 已被他人修改（If-Match 与当前版本 4 不符），请重新读取后再提交","instance":"/api/v1/tasks/42",\
            "currentEtag":"\\"4\\""}""";
    public static final String EXAMPLE_PRECONDITION_REQUIRED = """
            {"type":"https://duban.zhuzhou.gov.cn/problems/precondition-required","title":"缺少 If-Match 前提条件","status":428,\
            "detail":"修改须带 If-Match 请求头：先读取该资源（GET），把响应的 ETag 原样放进 If-Match","instance":"/api/v1/tasks/42"}""";
    public static final String EXAMPLE_TOO_MANY = """
            {"type":"https://duban.zhuzhou.gov.cn/problems/too-many-requests","title":"请求过于频繁","status":429,\
            "detail":"请求过于频繁：每分钟最多 120 次，请 12 秒后再试","instance":"/api/v1/tasks"}""";
    public static final String EXAMPLE_OVERLOADED = """
            {"type":"https://duban.zhuzhou.gov.cn/problems/overloaded","title":"服务繁忙","status":503,\
            "detail":"服务繁忙，请求较多，请 2 秒后重试","instance":"/api/v1/tasks"}""";

    private ProblemResponses() {
    }
}
