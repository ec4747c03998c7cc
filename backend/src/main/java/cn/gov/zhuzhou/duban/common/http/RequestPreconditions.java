package cn.gov.zhuzhou.duban.common.http;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/** The {@code If-Match} of the request being served, for the one place that checks versions (StaleVersionException). */
@RequestScoped
public class RequestPreconditions {

    private EntityTags.IfMatch ifMatch;

    void ifMatch(EntityTags.IfMatch ifMatch) {
        this.ifMatch = ifMatch;
    }

    EntityTags.IfMatch ifMatch() {
        return ifMatch;
    }

    /** The current HTTP request's If-Match, if it sent one (none outside a request: jobs, the seed). */
    public static Optional<EntityTags.IfMatch> current() {
        ManagedContext context = Arc.container().requestContext();
        if (!context.isActive()) {
            return Optional.empty();
        }
        // Through a method: the instance handed out is a client proxy, whose own fields are never set.
        return Optional.ofNullable(Arc.container().instance(RequestPreconditions.class).get().ifMatch());
    }
}
