package cn.gov.zhuzhou.duban.problem;

import cn.gov.zhuzhou.duban.common.persistence.IdLists;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class ProblemRepository implements PanacheRepository<Problem> {

    private static final String FETCH = "select p from Problem p join fetch p.raisedBy u join fetch u.city ";

    public Optional<Problem> findFull(long id) {
        return getEntityManager().createQuery(FETCH + "where p.id = :id", Problem.class).setParameter("id", id)
                .getResultStream().findFirst();
    }

    /** The problem a monthly report's difficulties raised, if any (one per report). */
    public Optional<Problem> ofReport(long reportId) {
        return find("sourceReportId", reportId).firstResultOptional();
    }

    /**
     * A page of problems, newest first, as rows: the page's ids through an index of the filter (ix_problem_status_id,
     * fk_problem_unit, fk_problem_task), then their rows with unit and city. Joining first made the server sort every
     * matching problem (40 000 CLASSIFIED at province scale) to keep one page.
     */
    public List<ProblemRow> search(ProblemSearch s, Long unitScope, int offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        TypedQuery<Long> q = getEntityManager().createQuery("select p.id from Problem p where " + where(s, unitScope, params)
                + " order by p.id desc", Long.class).setFirstResult(offset).setMaxResults(limit);
        params.forEach(q::setParameter);
        List<Long> ids = q.getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, ProblemRow> byId = new HashMap<>();
        IdLists.query(getEntityManager(), ProblemRow.SELECT + "where p.id in :ids", ProblemRow.class, ids).getResultList()
                .forEach(p -> byId.put(p.id(), p));
        return ids.stream().map(byId::get).toList();
    }

    public long countMatching(ProblemSearch s, Long unitScope) {
        Map<String, Object> params = new HashMap<>();
        TypedQuery<Long> q = getEntityManager().createQuery("select count(p) from Problem p where "
                + where(s, unitScope, params), Long.class);
        params.forEach(q::setParameter);
        return q.getSingleResult();
    }

    /** Problems not yet settled (OPEN or CLASSIFIED): id, task id, raising unit id, oldest first. */
    public List<Object[]> unsettled() {
        return getEntityManager().createQuery("select p.id, p.taskId, p.raisedBy.id from Problem p where p.status <> :closed order by p.id",
                Object[].class).setParameter("closed", ProblemStatus.CLOSED).getResultList();
    }

    public List<ProblemEvent> eventsOf(long problemId) {
        return getEntityManager().createQuery("select e from ProblemEvent e where e.problem.id = :id order by e.at, e.id",
                ProblemEvent.class).setParameter("id", problemId).getResultList();
    }

    public void record(ProblemEvent event) {
        getEntityManager().persist(event);
    }

    private static String where(ProblemSearch s, Long unitScope, Map<String, Object> params) {
        StringBuilder w = new StringBuilder("1 = 1");
        if (unitScope != null) {
            w.append(" and p.raisedBy.id = :scope");
            params.put("scope", unitScope);
        }
        if (s.status != null) {
            w.append(" and p.status = :status");
            params.put("status", s.status);
        }
        if (s.level != null) {
            w.append(" and p.coordinationLevel = :level");
            params.put("level", s.level);
        }
        if (s.taskId != null) {
            w.append(" and p.taskId = :taskId");
            params.put("taskId", s.taskId);
        }
        if (s.unitId != null) {
            w.append(" and p.raisedBy.id = :unitId");
            params.put("unitId", s.unitId);
        }
        if (s.source != null) {
            w.append(" and p.source = :source");
            params.put("source", s.source);
        }
        if (s.leaderLevel != null) {
            w.append(s.leaderLevel ? " and p.coordinationLevel in :leaderLevels" : " and p.coordinationLevel not in :leaderLevels");
            params.put("leaderLevels", java.util.Arrays.stream(CoordinationLevel.values())
                    .filter(l -> l.settledBy() != SessionLevel.OFFICE).toList());
        }
        return w.toString();
    }
}
