package cn.gov.zhuzhou.duban.events;

import io.quarkus.arc.Arc;
import java.util.function.Function;

/**
 * The one place a change is recorded as a domain event: a row in the outbox, written in the transaction of the
 * change, so an event exists exactly when its change committed (a rolled-back change leaves none). A service calls
 * {@code DomainEvents.record} once, after making the change, with the view its GET returns, and returns that view:
 * one statement per change, no new collaborator in the service's constructor (a static entry point on purpose, so
 * recording stays a one-line addition next to each change).
 */
public final class DomainEvents {

    private DomainEvents() {
    }

    /** Records {@code type} for the resource {@code resourceId}, now showing {@code view}, readable by {@code audience}; returns the view. */
    public static <V> V record(EventType type, Object resourceId, V view, Function<? super V, Audience> audience) {
        return Arc.container().instance(Outbox.class).get().record(type, resourceId, view, audience.apply(view));
    }

    /** Records {@code type} for each resource changed by one request (id to the view its GET now shows), in the map's order. */
    public static <V> void recordAll(EventType type, java.util.Map<?, V> viewsById, Function<? super V, Audience> audience) {
        Arc.container().instance(Outbox.class).get().recordAll(type, viewsById, audience);
    }
}
