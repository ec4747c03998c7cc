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

    public static final String EXAMPLE_OVERLOADED = """
            {"type":"https://duban.zhuzhou.gov.cn/problems/overloaded","title":"服务繁忙","status":503,\
            "detail":"服务繁忙，请求较多，请 2 秒后重试","instance":"/api/v1/tasks"}""";

    private ProblemResponses() {
    }
}
