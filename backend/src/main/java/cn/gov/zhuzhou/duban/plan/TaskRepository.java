package cn.gov.zhuzhou.duban.plan;

import cn.gov.zhuzhou.duban.unit.Unit;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Tasks; every list is a fixed number of statements (page, then one query per collection for the whole page). */
@ApplicationScoped
public class TaskRepository implements PanacheRepository<Task> {

    private static final String FETCH = "select t from Task t join fetch t.plan left join fetch t.area "
            + "left join fetch t.parent left join fetch t.crossCityLeadCity ";

    public Optional<Task> findFull(long id) {
        return getEntityManager().createQuery(FETCH + "where t.id = :id", Task.class)
                .setParameter("id", id).getResultStream().findFirst();
    }

    public boolean codeTaken(long planId, String code) {
        return count("plan.id = ?1 and code = ?2", planId, code) > 0;
    }

    public long countChildren(long taskId) {
        return count("parent.id", taskId);
    }

    public int nextSortOrder(long planId) {
        Integer max = getEntityManager().createQuery("select max(t.sortOrder) from Task t where t.plan.id = :p", Integer.class)
                .setParameter("p", planId).getSingleResult();
        return max == null ? 1 : max + 1;
    }

    public List<Task> search(TaskSearch s, int offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = where(s, params);
        TypedQuery<Task> query = getEntityManager()
                .createQuery(FETCH + "where " + where + " order by " + orderBy(s.sort), Task.class)
                .setFirstResult(offset).setMaxResults(limit);
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    public long countMatching(TaskSearch s) {
        Map<String, Object> params = new HashMap<>();
        TypedQuery<Long> query = getEntityManager()
                .createQuery("select count(t) from Task t where " + where(s, params), Long.class);
        params.forEach(query::setParameter);
        return query.getSingleResult();
    }

    public List<Task> allOfPlan(long planId) {
        return getEntityManager().createQuery(FETCH + "where t.plan.id = :p order by t.sortOrder, t.id", Task.class)
                .setParameter("p", planId).getResultList();
    }

    public Map<Long, List<TaskResponsibleUnit>> responsibleUnitsOf(Collection<Long> taskIds) {
        if (taskIds.isEmpty()) {
            return Map.of();
        }
        return getEntityManager().createQuery("select r from TaskResponsibleUnit r join fetch r.unit u join fetch u.city "
                        + "where r.task.id in :ids order by r.id", TaskResponsibleUnit.class)
                .setParameter("ids", taskIds).getResultStream()
                .collect(java.util.stream.Collectors.groupingBy(r -> r.getTask().getId()));
    }

    public Map<Long, List<Unit>> crossCityLeadUnitsOf(Collection<Long> taskIds) {
        if (taskIds.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = getEntityManager().createQuery("select t.id, u from Task t join t.crossCityLeadUnits u "
                        + "join fetch u.city where t.id in :ids order by u.id", Object[].class)
                .setParameter("ids", taskIds).getResultList();
        Map<Long, List<Unit>> byTask = new HashMap<>();
        rows.forEach(r -> byTask.computeIfAbsent((Long) r[0], k -> new java.util.ArrayList<>()).add((Unit) r[1]));
        return byTask;
    }

    public Map<Long, List<Milestone>> milestonesOf(Collection<Long> taskIds) {
        if (taskIds.isEmpty()) {
            return Map.of();
        }
        return getEntityManager().createQuery("select m from Milestone m where m.task.id in :ids order by m.sortOrder",
                        Milestone.class)
                .setParameter("ids", taskIds).getResultStream()
                .collect(java.util.stream.Collectors.groupingBy(m -> m.getTask().getId()));
    }

    public List<TaskProgress> progressOf(long taskId) {
        return getEntityManager().createQuery("select p from TaskProgress p left join fetch p.unit u left join fetch u.city "
                        + "left join fetch p.city where p.task.id = :id order by p.reportedAt desc, p.id desc", TaskProgress.class)
                .setParameter("id", taskId).getResultList();
    }

    /**
     * Every descendant of the given tasks (children, their children...) as roll-up nodes, in one recursive statement
     * (MariaDB 10.2+ and MySQL 8 both run WITH RECURSIVE).
     */
    public List<ProgressRollup.Node> descendantsOf(Collection<Long> taskIds) {
        if (taskIds.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                with recursive sub (id, parent_id, status, progress_percent, weight) as (
                    select id, parent_id, status, progress_percent, weight from task where parent_id in (:ids)
                    union all
                    select t.id, t.parent_id, t.status, t.progress_percent, t.weight from task t join sub on t.parent_id = sub.id)
                select id, parent_id, status, progress_percent, weight from sub""").setParameter("ids", taskIds).getResultList();
        return rows.stream().map(r -> new ProgressRollup.Node(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                TaskStatus.valueOf((String) r[2]), ((Number) r[3]).intValue(), r[4] == null ? null : ((Number) r[4]).intValue())).toList();
    }

    /** The planned milestones (with a planned percent and a due date) of a plan's tasks, or of every plan (null). */
    public Map<Long, List<ProgressLight.PlannedPoint>> plannedPointsOfPlan(Long planId) {
        TypedQuery<Object[]> q = getEntityManager().createQuery("select m.task.id, m.dueDate, m.plannedPercent from Milestone m "
                + "where m.plannedPercent is not null and m.dueDate is not null"
                + (planId == null ? "" : " and m.task.plan.id = :p") + " order by m.dueDate", Object[].class);
        if (planId != null) {
            q.setParameter("p", planId);
        }
        Map<Long, List<ProgressLight.PlannedPoint>> byTask = new HashMap<>();
        q.getResultStream().forEach(r -> byTask.computeIfAbsent((Long) r[0], k -> new java.util.ArrayList<>())
                .add(new ProgressLight.PlannedPoint((java.time.LocalDate) r[1], (Integer) r[2])));
        return byTask;
    }

    public void persistProgress(TaskProgress progress) {
        getEntityManager().persist(progress);
    }

    private static String where(TaskSearch s, Map<String, Object> params) {
        StringBuilder w = new StringBuilder("1 = 1");
        if (s.planId != null) {
            w.append(" and t.plan.id = :planId");
            params.put("planId", s.planId);
        }
        if (s.onlyIds != null) {
            w.append(" and t.id in :onlyIds");
            params.put("onlyIds", s.onlyIds);
        }
        if (s.sharedOnly) {
            w.append(" and t.crossCityLeadCity is not null");
        }
        if (s.kind != null) {
            w.append(" and t.kind = :kind");
            params.put("kind", s.kind);
        }
        if (s.areaId != null) {
            w.append(" and t.area.id = :areaId");
            params.put("areaId", s.areaId);
        }
        if (s.leadCity != null) {
            w.append(" and t.crossCityLeadCity.code = :leadCity");
            params.put("leadCity", s.leadCity);
        }
        if (s.unitId != null) {
            w.append(" and exists (select 1 from TaskResponsibleUnit r where r.task = t and r.unit.id = :unitId)");
            params.put("unitId", s.unitId);
        }
        if (s.status != null) {
            w.append(" and t.status = :status");
            params.put("status", s.status);
        }
        if (s.deadlineFrom != null) {
            w.append(" and t.deadline >= :deadlineFrom");
            params.put("deadlineFrom", s.deadlineFrom);
        }
        if (s.deadlineTo != null) {
            w.append(" and t.deadline <= :deadlineTo");
            params.put("deadlineTo", s.deadlineTo);
        }
        if (s.q != null && !s.q.isBlank()) {
            w.append(" and (t.code like :q or t.title like :q or t.description like :q or t.leadClause like :q)");
            params.put("q", "%" + s.q.strip() + "%");
        }
        return w.toString();
    }

    private static String orderBy(String sort) {
        String key = sort == null || sort.isBlank() ? "order" : sort;
        boolean desc = key.startsWith("-");
        String field = TaskSearch.SORTS.get(desc ? key.substring(1) : key);
        return field + (desc ? " desc" : " asc") + ", t.sortOrder, t.id";
    }
}
