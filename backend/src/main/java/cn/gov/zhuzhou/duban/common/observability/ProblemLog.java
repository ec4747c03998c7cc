package cn.gov.zhuzhou.duban.common.observability;

import cn.gov.zhuzhou.duban.common.error.Problem;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * One log line and one count for every problem+json the API answers: category {@code duban.problem}, INFO for a
 * client's mistake (4xx), WARN for 5xx (an unexpected failure is logged with its stack trace by ProblemMappers as
 * well). The line carries the request id and the caller through the MDC; the counter
 * {@code duban_problems_total{type,status}} has one series per kind of problem (a fixed set), so overload 503s, refused
 * tokens or validation errors can be graphed and alerted on apart from each other.
 */
@ApplicationScoped
public class ProblemLog {

    private static final Logger LOG = Logger.getLogger("duban.problem");
    public static final String COUNTER = "duban.problems";

    private final MeterRegistry registry;

    ProblemLog(MeterRegistry registry) {
        this.registry = registry;
    }

    @ServerResponseFilter
    public void logProblem(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof Problem problem) {
            record(problem, request.getMethod());
        }
    }

    /** Logs and counts one problem answered for a request made with {@code method}. */
    public void record(Problem problem, String method) {
        String kind = problem.type() == null ? "unknown" : problem.type().substring(problem.type().lastIndexOf('/') + 1);
        Counter.builder(COUNTER).description("Problems (RFC 9457) answered, by kind and status")
                .tag("type", kind).tag("status", Integer.toString(problem.status())).register(registry).increment();
        Logger.Level level = problem.status() >= 500 ? Logger.Level.WARN : Logger.Level.INFO;
        LOG.logf(level, "problem %d %s on %s %s: %s", problem.status(), kind, method, problem.instance(), problem.detail());
    }
}
