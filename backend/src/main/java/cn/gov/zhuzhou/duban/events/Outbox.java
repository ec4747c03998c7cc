package cn.gov.zhuzhou.duban.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** The outbox table behind {@link DomainEvents}: one row per event, in the caller's transaction. */
@ApplicationScoped
@Unremovable // looked up by DomainEvents, never injected
class Outbox {

    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;

    Outbox(EntityManager em, ObjectMapper json, Clock clock) {
        this.em = em;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Records that {@code type} happened to the resource {@code resourceId}, now showing {@code view}; returns the view
     * so a service can record and answer in one statement. The change is flushed first: its guarded update holds the
     * resource's row lock, so two changes of one resource number their events one after the other.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    <V> V record(EventType type, Object resourceId, V view, Audience audience) {
        em.flush();
        String id = String.valueOf(resourceId);
        Number last = (Number) em.createNativeQuery(
                "select coalesce(max(resource_seq), 0) from domain_event where resource_type = ?1 and resource_id = ?2")
                .setParameter(1, type.resourceType()).setParameter(2, id).getSingleResult();
        em.createNativeQuery("""
                insert into domain_event (event_id, type, resource_type, resource_id, resource_seq, occurred_at, payload, partner_visible)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                .setParameter(1, UUID.randomUUID().toString())
                .setParameter(2, type.wireName())
                .setParameter(3, type.resourceType())
                .setParameter(4, id)
                .setParameter(5, last.longValue() + 1)
                .setParameter(6, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .setParameter(7, toJson(view))
                .setParameter(8, audience.partners())
                .executeUpdate();
        if (!audience.unitIds().isEmpty()) {
            long eventRow = ((Number) em.createNativeQuery("select last_insert_id()").getSingleResult()).longValue();
            for (Long unit : audience.unitIds()) {
                em.createNativeQuery("insert into domain_event_unit (event_id, unit_id) values (?1, ?2)")
                        .setParameter(1, eventRow).setParameter(2, unit).executeUpdate();
            }
        }
        return view;
    }

    private String toJson(Object view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event payload cannot be written as JSON", e);
        }
    }
}
