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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

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
     * so a service can record and answer in one statement. The change is flushed first. Each resource's events are
     * numbered from its row in domain_event_resource, moved on by one here and locked to the commit: a second
     * transaction recording for the same resource waits there and takes the next number, whether or not its change
     * updated the resource's own row (changeset 42).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    <V> V record(EventType type, Object resourceId, V view, Audience audience) {
        recordAll(type, java.util.Map.of(resourceId, view), v -> audience);
        return view;
    }

    /**
     * The same for several resources changed by one request (a monthly report moving its tasks), in the map's order:
     * two statements for all their sequence numbers (the counters moved on, in the ids' order so that two requests
     * naming the same resources lock them in one order; then read back), then two per event (its row, its audience's
     * rows).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    <V> void recordAll(EventType type, java.util.Map<?, V> viewsById, Function<? super V, Audience> audience) {
        if (viewsById.isEmpty()) {
            return;
        }
        em.flush();
        List<String> ids = viewsById.keySet().stream().map(String::valueOf).distinct().sorted().toList();
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < ids.size(); i++) {
            rows.append(i == 0 ? "" : ", ").append("(?1, ?").append(i + 2).append(", 1)");
        }
        jakarta.persistence.Query next = em.createNativeQuery("insert into domain_event_resource (resource_type, resource_id, last_seq) values "
                + rows + " on duplicate key update last_seq = last_seq + 1").setParameter(1, type.resourceType());
        for (int i = 0; i < ids.size(); i++) {
            next.setParameter(i + 2, ids.get(i));
        }
        next.executeUpdate();
        // this transaction's own writes: a plain read sees them, and the rows stay locked to the commit
        Map<String, Long> seq = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> numbered = em.createNativeQuery("select resource_id, last_seq from domain_event_resource "
                        + "where resource_type = ?1 and resource_id in (?2)")
                .setParameter(1, type.resourceType()).setParameter(2, ids).getResultList();
        numbered.forEach(r -> seq.put((String) r[0], ((Number) r[1]).longValue()));
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        viewsById.forEach((resourceId, view) -> {
            String id = String.valueOf(resourceId);
            Audience to = audience.apply(view);
            String eventId = UUID.randomUUID().toString();
            em.createNativeQuery("""
                    insert into domain_event (event_id, type, resource_type, resource_id, resource_seq, occurred_at, payload, partner_visible)
                    values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                    .setParameter(1, eventId)
                    .setParameter(2, type.wireName())
                    .setParameter(3, type.resourceType())
                    .setParameter(4, id)
                    .setParameter(5, seq.get(id))
                    .setParameter(6, now)
                    .setParameter(7, toJson(view))
                    .setParameter(8, to.partners())
                    .executeUpdate();
            if (!to.unitIds().isEmpty()) {
                // the event's readers in one statement: its row found by its event id (unique), one row per unit (the
                // ids as a derived table, not a join on unit: no lock on the units' rows)
                StringBuilder units = new StringBuilder();
                for (int i = 0; i < to.unitIds().size(); i++) {
                    units.append(i == 0 ? "select ?" : " union all select ?").append(i + 2).append(i == 0 ? " as unit_id" : "");
                }
                jakarta.persistence.Query insert = em.createNativeQuery("insert into domain_event_unit (event_id, unit_id) select e.id, x.unit_id "
                        + "from domain_event e join (" + units + ") x where e.event_id = ?1").setParameter(1, eventId);
                for (int i = 0; i < to.unitIds().size(); i++) {
                    insert.setParameter(i + 2, to.unitIds().get(i));
                }
                insert.executeUpdate();
            }
        });
    }

    private String toJson(Object view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event payload cannot be written as JSON", e);
        }
    }
}
