package cn.gov.zhuzhou.duban.dispatch;

import cn.gov.zhuzhou.duban.common.persistence.IdLists;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sessions, tickets and items; lists fetch what they show in a fixed number of statements. */
@ApplicationScoped
public class DispatchRepository implements PanacheRepository<DispatchSession> {

    /** Sessions, latest first; only the regular session of {@code regularMonth} (yyyy-MM) when given. */
    public List<DispatchSession> sessions(String regularMonth, int offset, int limit) {
        return getEntityManager().createQuery("select s from DispatchSession s where (:m is null or s.regularMonth = :m) "
                        + "order by s.heldOn desc, s.id desc", DispatchSession.class)
                .setParameter("m", regularMonth).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    public long countSessions(String regularMonth) {
        return getEntityManager().createQuery("select count(s) from DispatchSession s where (:m is null or s.regularMonth = :m)", Long.class)
                .setParameter("m", regularMonth).getSingleResult();
    }

    /**
     * Locks the session's row until the transaction ends, then reads it as it now stands. Plain SQL: the MySQL
     * dialect's {@code for update of <alias>} is not understood by MariaDB.
     */
    public Optional<DispatchSession> lockSession(long id) {
        List<?> found = getEntityManager().createNativeQuery("select id from dispatch_session where id = ?1 for update")
                .setParameter(1, id).getResultList();
        return found.isEmpty() ? Optional.empty() : findByIdOptional(id);
    }

    /** Every item not yet verified: id, lead unit id, deadline. */
    public List<Object[]> unverified() {
        return getEntityManager().createQuery("select i.id, i.leadUnit.id, i.deadline from TicketItem i where i.state <> :verified",
                Object[].class).setParameter("verified", TicketItemState.VERIFIED).getResultList();
    }

    public long ticketsOf(long sessionId) {
        return getEntityManager().createQuery("select count(t) from AssignmentTicket t where t.session.id = :s", Long.class)
                .setParameter("s", sessionId).getSingleResult();
    }

    public List<AssignmentTicket> ticketsOfSessions(Collection<Long> sessionIds) {
        if (sessionIds.isEmpty()) {
            return List.of();
        }
        return IdLists.query(getEntityManager(), "select t from AssignmentTicket t where t.session.id in :ids order by t.seq",
                AssignmentTicket.class, sessionIds).getResultList();
    }

    public Optional<AssignmentTicket> ticket(long id) {
        return getEntityManager().createQuery("select t from AssignmentTicket t join fetch t.session where t.id = :id",
                AssignmentTicket.class).setParameter("id", id).getResultStream().findFirst();
    }

    /** How many items assigned on a problem are not verified yet. */
    public long unverifiedItemsOf(long problemId) {
        return getEntityManager().createQuery("select count(i) from TicketItem i where i.problemId = :p and i.state <> :verified", Long.class)
                .setParameter("p", problemId).setParameter("verified", TicketItemState.VERIFIED).getSingleResult();
    }

    /** The office's regular session of a month (yyyy-MM), if planned. */
    public Optional<Long> regularSessionOf(String month) {
        return getEntityManager().createQuery("select s.id from DispatchSession s where s.regularMonth = :m", Long.class)
                .setParameter("m", month).getResultStream().findFirst();
    }

    public void persistTicket(AssignmentTicket ticket) {
        getEntityManager().persist(ticket);
    }

    public void persistItem(TicketItem item) {
        getEntityManager().persist(item);
    }

    public void record(TicketItemEvent event) {
        getEntityManager().persist(event);
    }

    public Optional<TicketItem> item(long id) {
        return getEntityManager().createQuery("select i from TicketItem i join fetch i.ticket join fetch i.leadUnit u join fetch u.city "
                + "where i.id = :id", TicketItem.class).setParameter("id", id).getResultStream().findFirst();
    }

    public List<TicketItem> itemsByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return IdLists.query(getEntityManager(), "select i from TicketItem i join fetch i.ticket join fetch i.leadUnit u join fetch u.city "
                + "where i.id in :ids", TicketItem.class, ids).getResultList();
    }

    public List<TicketItem> itemsOfTicket(long ticketId) {
        return getEntityManager().createQuery("select i from TicketItem i join fetch i.ticket join fetch i.leadUnit u join fetch u.city "
                + "left join fetch i.cooperatingUnitIds where i.ticket.id = :t order by i.id", TicketItem.class)
                .setParameter("t", ticketId).getResultList();
    }

    /**
     * The inbox: items a unit leads or cooperates on (or all), by deadline. Ids first, found through an index per
     * filter (see {@link #matching}), ordered and paged in SQL; then the page's rows by id, in that order.
     */
    List<ItemRow> items(ItemFilter f, int offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        Query q = getEntityManager().createNativeQuery(pageIds(f, params)).setFirstResult(offset).setMaxResults(limit);
        params.forEach(q::setParameter);
        List<Long> ids = ((List<?>) q.getResultList()).stream().map(id -> ((Number) id).longValue()).toList();
        Map<Long, ItemRow> byId = new HashMap<>();
        itemRows(ids).forEach(i -> byId.put(i.id(), i));
        return ids.stream().map(byId::get).toList();
    }

    /** Rows of these items (no entity loaded), in no particular order. */
    List<ItemRow> itemRows(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return IdLists.query(getEntityManager(), ItemRow.SELECT + "where i.id in :ids", ItemRow.class, ids).getResultList();
    }

    public long countItems(ItemFilter f) {
        Map<String, Object> params = new HashMap<>();
        Query q = getEntityManager().createNativeQuery("select count(*) from (" + matching(f, params) + ") m");
        params.forEach(q::setParameter);
        return ((Number) q.getSingleResult()).longValue();
    }

    /** Ids of the items a unit leads. */
    public List<Long> itemIdsLedBy(long unitId) {
        return getEntityManager().createQuery("select i.id from TicketItem i where i.leadUnit.id = :u", Long.class)
                .setParameter("u", unitId).getResultList();
    }

    /** Cooperating units of many items in one statement. */
    public Map<Long, List<Long>> cooperatingOf(Collection<Long> itemIds) {
        if (itemIds.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = IdLists.query(getEntityManager(), "select i.id, c from TicketItem i join i.cooperatingUnitIds c "
                + "where i.id in :ids", Object[].class, itemIds).getResultList();
        Map<Long, List<Long>> out = new HashMap<>();
        rows.forEach(r -> out.computeIfAbsent((Long) r[0], k -> new java.util.ArrayList<>()).add((Long) r[1]));
        return out;
    }

    public List<TicketItemEvent> eventsOf(long itemId) {
        return getEntityManager().createQuery("select e from TicketItemEvent e where e.item.id = :id order by e.at, e.id",
                TicketItemEvent.class).setParameter("id", itemId).getResultList();
    }

    /** Items past their deadline and not verified: (item id, lead unit id). */
    public List<Object[]> overdue(java.time.LocalDate today) {
        return getEntityManager().createQuery("select i.id, i.leadUnit.id from TicketItem i where i.deadline < :today and i.state <> :verified",
                Object[].class).setParameter("today", today).setParameter("verified", TicketItemState.VERIFIED).getResultList();
    }

    /**
     * The inbox filters: unit (lead or cooperating), state, key items only (or not), and overdue on a day (not
     * verified and the deadline before that day: TicketItemState's rule).
     */
    public record ItemFilter(Long unitId, TicketItemState state, Boolean key, java.time.LocalDate overdueOn) {
    }

    /** The ids of the items that pass the filter, in the list's order (deadline, then id); paged by the caller. */
    static String pageIds(ItemFilter f, Map<String, Object> params) {
        return "select m.id from (" + matching(f, params) + ") m order by m.deadline, m.id";
    }

    /**
     * Id and deadline of the items that pass the filter. A unit's items are the union of those it leads (index
     * ix_item_lead_state) and those it cooperates on (fk_ticu_unit, i.e. (unit_id, item_id), then the item by primary
     * key): an {@code or} of the two would stop either index and scan every item. Without a unit the single table is
     * read through the index of the filter (ix_item_deadline, ix_item_state_deadline, ix_item_key_date,
     * ix_item_key_state_deadline: changeset 21).
     */
    private static String matching(ItemFilter f, Map<String, Object> params) {
        String conditions = conditions(f, params);
        if (f.unitId() == null) {
            return "select i.id, i.deadline from ticket_item i where " + conditions;
        }
        params.put("unit", f.unitId());
        return "select i.id, i.deadline from ticket_item i where i.lead_unit_id = :unit and " + conditions
                + " union select i.id, i.deadline from ticket_item_cooperating_unit c join ticket_item i on i.id = c.item_id "
                + "where c.unit_id = :unit and " + conditions;
    }

    /** State, key items only (or not), overdue on a day (not verified and the deadline before it: TicketItemState's rule). */
    private static String conditions(ItemFilter f, Map<String, Object> params) {
        StringBuilder w = new StringBuilder("1 = 1");
        if (f.state() != null) {
            w.append(" and i.state = :state");
            params.put("state", f.state().name());
        }
        if (f.key() != null) {
            w.append(" and i.key_item = :key");
            params.put("key", f.key());
        }
        if (f.overdueOn() != null) {
            w.append(" and i.state <> :verified and i.deadline < :overdueOn");
            params.put("verified", TicketItemState.VERIFIED.name());
            params.put("overdueOn", f.overdueOn());
        }
        return w.toString();
    }
}
