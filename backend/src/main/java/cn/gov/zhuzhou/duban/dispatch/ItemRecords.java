package cn.gov.zhuzhou.duban.dispatch;

import cn.gov.zhuzhou.duban.common.time.Days;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assigned items as they stood at the end of a period, folded from their history (plain rows, two statements): what
 * bulletins, summaries and the annual assessment count.
 */
@ApplicationScoped
public class ItemRecords {

    private final DispatchRepository dispatch;

    ItemRecords(DispatchRepository dispatch) {
        this.dispatch = dispatch;
    }

    /**
     * Every item issued by the end of {@code to} that was not already verified, and still verified, before
     * {@code from}, with its history up to the end of {@code to}. Sorted by item id.
     */
    @Transactional
    public List<ItemRecord> itemRecords(LocalDate from, LocalDate to) {
        EntityManager em = dispatch.getEntityManager();
        Instant start = Days.startOf(from);
        Instant end = Days.endOf(to);
        String scope = "i.issuedAt < :end and not (i.state = :verified and i.verifiedAt < :start)";
        List<Object[]> items = em.createQuery("select i.id, t.number, i.problemId, i.leadUnit.id, i.key, i.deadline, i.issuedAt "
                        + "from TicketItem i join i.ticket t where " + scope + " order by i.id", Object[].class)
                .setParameter("end", end).setParameter("start", start).setParameter("verified", TicketItemState.VERIFIED)
                .getResultList();
        Map<Long, List<Object[]>> events = new HashMap<>();
        em.createQuery("select e.item.id, e.toState, e.at from TicketItemEvent e join e.item i where " + scope
                        + " and e.at < :end order by e.item.id, e.at, e.id", Object[].class)
                .setParameter("end", end).setParameter("start", start).setParameter("verified", TicketItemState.VERIFIED)
                .getResultStream().forEach(e -> events.computeIfAbsent((Long) e[0], k -> new ArrayList<>()).add(e));
        List<ItemRecord> out = new ArrayList<>(items.size());
        for (Object[] i : items) {
            out.add(fold(i, events.getOrDefault((Long) i[0], List.of())));
        }
        return out;
    }

    /** The lead unit of each item, in one statement. */
    @Transactional
    public Map<Long, Long> leadUnitsOf(Collection<Long> itemIds) {
        if (itemIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Long> out = new LinkedHashMap<>();
        dispatch.getEntityManager().createQuery("select i.id, i.leadUnit.id from TicketItem i where i.id in :ids", Object[].class)
                .setParameter("ids", itemIds).getResultStream().forEach(r -> out.put((Long) r[0], (Long) r[1]));
        return out;
    }

    private static ItemRecord fold(Object[] item, List<Object[]> history) {
        TicketItemState state = TicketItemState.ISSUED;
        LocalDate acknowledged = null;
        LocalDate doneReported = null;
        LocalDate verified = null;
        List<LocalDate> returned = new ArrayList<>();
        for (Object[] e : history) {
            state = (TicketItemState) e[1];
            LocalDate on = Days.dayOf((Instant) e[2]);
            switch (state) {
                case ACKNOWLEDGED -> acknowledged = acknowledged == null ? on : acknowledged;
                case DONE_REPORTED -> doneReported = on;
                case VERIFIED -> verified = on;
                case RETURNED -> returned.add(on);
                case ISSUED -> {
                }
            }
        }
        return new ItemRecord((Long) item[0], (String) item[1], (Long) item[2], (Long) item[3], (Boolean) item[4],
                (LocalDate) item[5], Days.dayOf((Instant) item[6]), acknowledged, doneReported,
                state == TicketItemState.VERIFIED ? verified : null, returned, state);
    }
}
