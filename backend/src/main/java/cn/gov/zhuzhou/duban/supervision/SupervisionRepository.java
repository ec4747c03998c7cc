package cn.gov.zhuzhou.duban.supervision;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class SupervisionRepository implements PanacheRepository<SupervisionCase> {

    public Optional<SupervisionCase> forItem(long itemId) {
        return find("itemId", itemId).firstResultOptional();
    }

    public List<SupervisionCase> search(SupervisionCase.Status status, int offset, int limit) {
        var query = status == null ? findAll(Sort.by("id").descending()) : find("status", Sort.by("id").descending(), status);
        return query.range(offset, offset + limit - 1).list();
    }

    public long countMatching(SupervisionCase.Status status) {
        return status == null ? count() : count("status", status);
    }

    public List<SupervisionAction> actionsOf(long caseId) {
        return getEntityManager().createQuery("select a from SupervisionAction a where a.supervisionCase.id = :id order by a.at, a.id",
                SupervisionAction.class).setParameter("id", caseId).getResultList();
    }

    /** Actions of many cases in one statement, oldest first. */
    public java.util.Map<Long, List<SupervisionAction>> actionsOf(java.util.Collection<Long> caseIds) {
        if (caseIds.isEmpty()) {
            return java.util.Map.of();
        }
        return getEntityManager().createQuery("select a from SupervisionAction a where a.supervisionCase.id in :ids order by a.at, a.id",
                        SupervisionAction.class).setParameter("ids", caseIds).getResultStream()
                .collect(java.util.stream.Collectors.groupingBy(a -> a.caseId()));
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
