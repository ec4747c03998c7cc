package cn.gov.zhuzhou.duban.common.admission;

import io.vertx.ext.web.RoutingContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Asks {@link AdmissionControl} for a turn before any resource method runs. A blocking filter, so it runs on the
 * worker thread (never on the event loop); REST builds it at start-up, before the configuration is read, so the
 * admission control it asks is a lazily created bean.
 */
public class AdmissionFilter {

    private final AdmissionControl admission;

    AdmissionFilter(AdmissionControl admission) {
        this.admission = admission;
    }

    @ServerRequestFilter
    public void admit(RoutingContext ctx, ResteasyReactiveContainerRequestContext request) throws InterruptedException {
        admission.admit(ctx, request.getServerRequestContext());
    }
}
