package cn.gov.zhuzhou.duban.events;

import cn.gov.zhuzhou.duban.common.security.Caller;
import cn.gov.zhuzhou.duban.common.security.Roles;
import cn.gov.zhuzhou.duban.unit.UnitService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The change feed: events in commit order, read with a cursor, narrowed to what the caller may read.
 *
 * <p>Why a second sequence: the outbox's auto-increment id is given at insert, and transactions commit in any order,
 * so a cursor over the id would skip an event whose transaction inserted first and committed last. The sequencer
 * numbers only committed events, one sequencer at a time (the {@code event_sequencer} row lock), in the order it
 * finds them; a cursor over that number never skips anything. It runs before each feed read and on each webhook
 * dispatch; a reader that finds another sequencer at work reads what is numbered already (SKIP LOCKED, no waiting).
 */
@ApplicationScoped
public class EventFeed {

    static final int SEQUENCE_BATCH = 1000;

    private final EntityManager em;
    private final Caller caller;
    private final ObjectMapper json;
    private final Event<EventsSequenced> sequenced;
    private final UnitService units;

    EventFeed(EntityManager em, Caller caller, ObjectMapper json, Event<EventsSequenced> sequenced, UnitService units) {
        this.units = units;
        this.em = em;
        this.caller = caller;
        this.json = json;
        this.sequenced = sequenced;
    }

    /** Numbers the committed events that have no feed sequence yet; returns how many. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int sequenceCommittedEvents() {
        @SuppressWarnings("unchecked")
        List<Object> lock = em.createNativeQuery("select last_seq from event_sequencer where id = 1 for update skip locked").getResultList();
        if (lock.isEmpty()) {
            return 0; // another instance is numbering right now
        }
        long last = ((Number) lock.get(0)).longValue();
        // A plain (consistent) read: it sees committed rows only, never waits for a transaction still writing one.
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select id from domain_event where feed_seq is null order by id")
                .setMaxResults(SEQUENCE_BATCH).getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        long seq = last;
        for (Number id : ids) {
            em.createNativeQuery("update domain_event set feed_seq = ?1 where id = ?2").setParameter(1, ++seq).setParameter(2, id.longValue())
                    .executeUpdate();
        }
        em.createNativeQuery("update event_sequencer set last_seq = ?1 where id = 1").setParameter(1, seq).executeUpdate();
        sequenced.fire(new EventsSequenced(last + 1, seq));
        return ids.size();
    }

    /** A page of the feed after {@code cursor}, for the caller. */
    public FeedPage read(String cursor, int size) {
        long after = FeedCursor.decode(cursor);
        sequenceCommittedEvents();
        return readNumbered(after, size);
    }

    @Transactional
    FeedPage readNumbered(long after, int size) {
        Optional<String> filter;
        Long unit = null;
        if (caller.readsEveryUnit()) {
            filter = Optional.of("");
        } else if (caller.has(Roles.UNIT) && caller.unitCode().flatMap(units::findByCode).isPresent()) {
            unit = caller.unitCode().flatMap(units::findByCode).get().getId();
            filter = Optional.of(" and exists (select 1 from domain_event_unit u where u.event_id = e.id and u.unit_id = ?3)");
        } else if (caller.has(Roles.PARTNER)) {
            filter = Optional.of(" and e.partner_visible");
        } else {
            filter = Optional.empty();
        }
        if (filter.isEmpty()) {
            return new FeedPage(List.of(), FeedCursor.encode(after));
        }
        var query = em.createNativeQuery("select e.event_id, e.type, e.resource_type, e.resource_id, e.resource_seq, e.occurred_at, e.payload, e.feed_seq"
                + " from domain_event e where e.feed_seq > ?1" + filter.get() + " order by e.feed_seq limit ?2")
                .setParameter(1, after).setParameter(2, size);
        if (unit != null) {
            query.setParameter(3, unit);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<EventView> items = new ArrayList<>(rows.size());
        long next = after;
        for (Object[] r : rows) {
            items.add(view(r));
            next = ((Number) r[7]).longValue();
        }
        return new FeedPage(items, FeedCursor.encode(next));
    }

    /** One stored event as the feed and the webhooks show it. */
    @Transactional
    public Optional<EventView> byRow(long eventRow) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select e.event_id, e.type, e.resource_type, e.resource_id, e.resource_seq, e.occurred_at, e.payload, e.feed_seq"
                + " from domain_event e where e.id = ?1").setParameter(1, eventRow).getResultList();
        return rows.stream().findFirst().map(this::view);
    }

    private EventView view(Object[] r) {
        try {
            return new EventView((String) r[0], (String) r[1], atUtc(r[5]).atOffset(ZoneOffset.UTC).atZoneSameInstant(cn.gov.zhuzhou.duban.common.time.ClockProducer.ZONE)
                    .toOffsetDateTime(), new EventView.ResourceRef((String) r[2], (String) r[3]), ((Number) r[4]).longValue(), json.readTree((String) r[6]));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored event payload is not JSON", e);
        }
    }

    private static LocalDateTime atUtc(Object value) {
        if (value instanceof Timestamp t) {
            return t.toLocalDateTime();
        }
        return (LocalDateTime) value;
    }

    /** A page of the feed: the events, and the cursor to ask for the next page with (the same cursor when nothing is new). */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "DomainEventPage", requiredProperties = {"items", "next"},
            description = "A page of the change feed. Pass next as after to read on; when items is empty, poll again later with the same next.")
    public record FeedPage(List<EventView> items,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(example = "ZTEuMTA0Mg", description = "Opaque cursor: pass it back as after.") String next) {
    }
}
