package cn.gov.zhuzhou.duban.supervision;

import cn.gov.zhuzhou.duban.common.persistence.IdLists;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class SupervisionRepository implements PanacheRepository<SupervisionCase> {

    public Optional<SupervisionCase> forItem(long itemId) {
        return find("itemId", itemId).firstResultOptional();
    }

    /**
     * Cases newest first, each filter optional: {@code itemIds} null means any item, an empty list none (a unit that
     * leads no item).
     */
    List<CaseRow> search(CaseFilter filter, int offset, int limit) {
        if (filter.none()) {
            return List.of();
        }
        var q = getEntityManager().createQuery(CaseRow.SELECT + "where " + filter.where() + " order by id desc", CaseRow.class);
        filter.params().map().forEach(q::setParameter);
        return q.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    public long countMatching(CaseFilter filter) {
        return filter.none() ? 0 : count(filter.where(), filter.params());
    }

    /** What a case list asks for: a status, one item, and the items of a unit (null: no restriction). */
    public record CaseFilter(SupervisionCase.Status status, Long itemId, java.util.Collection<Long> itemIds) {

        boolean none() {
            return itemIds != null && itemIds.isEmpty();
        }

        String where() {
            List<String> w = new java.util.ArrayList<>(List.of("1 = 1"));
            if (status != null) {
                w.add("status = :status");
            }
            if (itemId != null) {
                w.add("itemId = :itemId");
            }
            if (itemIds != null) {
                w.add("itemId in :itemIds");
            }
            return String.join(" and ", w);
        }

        io.quarkus.panache.common.Parameters params() {
            io.quarkus.panache.common.Parameters p = new io.quarkus.panache.common.Parameters();
            if (status != null) {
                p.and("status", status);
            }
            if (itemId != null) {
                p.and("itemId", itemId);
            }
            if (itemIds != null) {
                p.and("itemIds", itemIds);
            }
            return p;
        }
    }

    public List<SupervisionAction> actionsOf(long caseId) {
        return getEntityManager().createQuery("select a from SupervisionAction a where a.supervisionCase.id = :id order by a.at, a.id",
                SupervisionAction.class).setParameter("id", caseId).getResultList();
    }

    /** Action views of many cases in one statement (no entity loaded), oldest first. */
    java.util.Map<Long, List<SupervisionViews.Action>> actionViewsOf(java.util.Collection<Long> caseIds) {
        if (caseIds.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<Long, List<SupervisionViews.Action>> out = new java.util.HashMap<>();
        IdLists.query(getEntityManager(), "select a.supervisionCase.id, a.kind, a.means, a.toWhom, a.content, a.actedOn, a.at, a.actor, "
                        + "a.actorName from SupervisionAction a where a.supervisionCase.id in :ids order by a.at, a.id", Object[].class, caseIds)
                .getResultStream().forEach(r -> out.computeIfAbsent((Long) r[0], k -> new java.util.ArrayList<>())
                        .add(new SupervisionViews.Action((SupervisionAction.Kind) r[1], (SupervisionAction.Means) r[2], (String) r[3],
                                (String) r[4], (java.time.LocalDate) r[5],
                                ((java.time.Instant) r[6]).atZone(cn.gov.zhuzhou.duban.common.audit.AuditView.ZONE).toOffsetDateTime(),
                                (String) r[7], (String) r[8])));
        return out;
    }

    public void record(SupervisionAction action) {
        getEntityManager().persist(action);
    }

    public void record(SupervisionCaseEvent event) {
        getEntityManager().persist(event);
    }

    /** A case's status changes, oldest first. */
    public List<SupervisionCaseEvent> eventsOf(long caseId) {
        return getEntityManager().createQuery("select e from SupervisionCaseEvent e where e.supervisionCase.id = :id order by e.at, e.id",
                SupervisionCaseEvent.class).setParameter("id", caseId).getResultList();
    }
}
