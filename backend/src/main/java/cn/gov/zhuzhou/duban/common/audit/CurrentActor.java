package cn.gov.zhuzhou.duban.common.audit;

import cn.gov.zhuzhou.duban.common.security.Caller;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Names who is acting, for audit stamps: the token's subject and display name during a request, "system" for
 * work the service does on its own (the seed at start, scheduled jobs).
 */
@ApplicationScoped
public class CurrentActor {

    public static final String SYSTEM = "system";
    public static final String SYSTEM_NAME = "系统";

    /** Subject of the caller's token, or "system". */
    public String name() {
        Caller caller = caller();
        return caller == null ? SYSTEM : caller.subject();
    }

    /** Display name of the caller, or "系统". */
    public String displayName() {
        Caller caller = caller();
        return caller == null ? SYSTEM_NAME : caller.displayName();
    }

    private static Caller caller() {
        ManagedContext requestContext = Arc.container().requestContext();
        if (!requestContext.isActive()) {
            return null;
        }
        Caller caller = Arc.container().instance(Caller.class).get();
        return caller == null || caller.isAnonymous() ? null : caller;
    }
}
