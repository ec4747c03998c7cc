package cn.gov.zhuzhou.duban.common.audit;

import io.quarkus.arc.Arc;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import java.time.Clock;

/** JPA listener that stamps {@link Audit} from the current actor and the injectable clock. */
public class AuditListener {

    @PrePersist
    void onCreate(Object entity) {
        if (entity instanceof Audited audited) {
            CurrentActor actor = actor();
            audited.getAudit().touchCreated(clock().instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), actor.name(), actor.displayName());
        }
    }

    @PreUpdate
    void onUpdate(Object entity) {
        if (entity instanceof Audited audited) {
            CurrentActor actor = actor();
            audited.getAudit().touchUpdated(clock().instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), actor.name(), actor.displayName());
        }
    }

    private static Clock clock() {
        return Arc.container().instance(Clock.class).get();
    }

    private static CurrentActor actor() {
        return Arc.container().instance(CurrentActor.class).get();
    }
}
