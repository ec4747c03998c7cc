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
     * so a service can record and answer in one statement. The change is flushed first: its guarded update holds the
     * resource's row lock, so two changes of one resource number their events one after the other.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    <V> V record(EventType type, Object resourceId, V view, Audience audience) {
        recordAll(type, java.util.Map.of(resourceId, view), v -> audience);
        return view;
    }

    /**
     * The same for several resources changed by one request (a monthly report moving its tasks), in the map's order:
     * one statement for all their sequence numbers, then two per event (its row, its audience's rows).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    <V> void recordAll(EventType type, java.util.Map<?, V> viewsById, Function<? super V, Audience> audience) {
        if (viewsById.isEmpty()) {
            return;
        }
        em.flush();
        List<String> ids = viewsById.keySet().stream().map(String::valueOf).toList();
        Map<String, Long> last = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> seqs = em.createNativeQuery("select resource_id, max(resource_seq) from domain_event "
                        + "where resource_type = ?1 and resource_id in (?2) group by resource_id")
                .setParameter(1, type.resourceType()).setParameter(2, ids).getResultList();
        seqs.forEach(r -> last.put((String) r[0], ((Number) r[1]).longValue()));
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
                    .setParameter(5, last.getOrDefault(id, 0L) + 1)
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
