package cn.gov.zhuzhou.duban.common.error;

/**
 * The service has more requests than it can serve in time (the admission queue or the connection pool stayed full):
 * 503 problem+json "服务繁忙" with Retry-After. Unlike "数据库暂时无法访问" the database is up, so readiness stays UP:
 * taking the instance out would only pile its load onto the others.
 */
public class ServiceOverloadedException extends DomainException {

    private final int retryAfterSeconds;

    public ServiceOverloadedException(int retryAfterSeconds) {
        super(ProblemKind.OVERLOADED, "服务繁忙，请求较多，请 " + retryAfterSeconds + " 秒后重试");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
