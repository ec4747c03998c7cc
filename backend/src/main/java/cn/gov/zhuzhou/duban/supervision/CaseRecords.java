package cn.gov.zhuzhou.duban.supervision;

import cn.gov.zhuzhou.duban.common.time.Days;
import cn.gov.zhuzhou.duban.dispatch.ItemRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Supervision cases as they stood at the end of a period, folded from their history (plain rows): what bulletins,
 * summaries and the annual assessment count.
 */
@ApplicationScoped
public class CaseRecords {

    private final SupervisionRepository cases;
    private final ItemRecords items;

    CaseRecords(SupervisionRepository cases, ItemRecords items) {
        this.cases = cases;
        this.items = items;
    }

    /**
     * Every case opened by the end of {@code to} and not already closed, and still closed, before {@code from}; open
     * or closed as its history says at the end of {@code to}. Sorted by case id.
     */
    @Transactional
    public List<CaseRecord> caseRecords(LocalDate from, LocalDate to) {
        EntityManager em = cases.getEntityManager();
        Instant start = Days.startOf(from);
        Instant end = Days.endOf(to);
        String scope = "c.openedAt < :end and not (c.status = :closed and c.closedAt < :start)";
        List<Object[]> found = em.createQuery("select c.id, c.itemId, c.reason, c.openedAt from SupervisionCase c where " + scope
                        + " order by c.id", Object[].class)
                .setParameter("end", end).setParameter("start", start).setParameter("closed", SupervisionCase.Status.CLOSED)
                .getResultList();
        Map<Long, Object[]> lastEvent = new HashMap<>();
        em.createQuery("select e.supervisionCase.id, e.toStatus, e.at from SupervisionCaseEvent e join e.supervisionCase c where "
                        + scope + " and e.at < :end order by e.at, e.id", Object[].class)
                .setParameter("end", end).setParameter("start", start).setParameter("closed", SupervisionCase.Status.CLOSED)
                .getResultStream().forEach(e -> lastEvent.put((Long) e[0], e));
        Map<Long, Long> units = items.leadUnitsOf(found.stream().map(c -> (Long) c[1]).toList());
        List<CaseRecord> out = new ArrayList<>(found.size());
        for (Object[] c : found) {
            Object[] last = lastEvent.get((Long) c[0]);
            LocalDate closedOn = last != null && last[1] == SupervisionCase.Status.CLOSED ? Days.dayOf((Instant) last[2]) : null;
            out.add(new CaseRecord((Long) c[0], (Long) c[1], units.get((Long) c[1]), (SupervisionCase.Reason) c[2],
                    Days.dayOf((Instant) c[3]), closedOn));
        }
        return out;
    }
}
