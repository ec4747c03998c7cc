package cn.gov.zhuzhou.duban.common.observability;

import cn.gov.zhuzhou.duban.common.security.Caller;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Puts who is calling into the logging context once the token has been checked: MDC {@code user} (the token's
 * subject, then its preferred_username or client id when it names one). Never the token, never a claim beyond these.
 * Anonymous callers (or a refused token) leave it unset.
 */
public class CallerLogContext {

    public static final String MDC_USER = "user";
    public static final String MDC_SUBJECT = "sub";

    private final Caller caller;

    CallerLogContext(Caller caller) {
        this.caller = caller;
    }

    /** After authentication and before the rate limit (whose 429 lines then name the caller). */
    @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.AUTHORIZATION + 50)
    public void name(ContainerRequestContext ctx) {
        try {
            if (caller.isAnonymous()) {
                return;
            }
            MDC.put(MDC_SUBJECT, caller.subject());
            caller.userName().ifPresent(name -> MDC.put(MDC_USER, name));
        } catch (RuntimeException e) {
            // An identity that cannot be read is refused elsewhere; the log line simply names no one.
        }
    }
}
