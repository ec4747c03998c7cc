package cn.gov.zhuzhou.duban.plan;

import cn.gov.zhuzhou.duban.common.persistence.IdLists;
import cn.gov.zhuzhou.duban.common.persistence.JdbcRows;

import cn.gov.zhuzhou.duban.plan.TaskView.MilestoneView;
import cn.gov.zhuzhou.duban.plan.TaskView.ResponsibleUnitView;
import cn.gov.zhuzhou.duban.unit.UnitRef;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tasks; every list is a fixed number of statements (page, then one query per collection for the whole page). Reads
 * select rows and views (constructor expressions, scalar tuples), not entities; entities are loaded only to change them.
 */
@ApplicationScoped
public class TaskRepository implements PanacheRepository<Task> {

    private static final String FETCH = "select t from Task t join fetch t.plan left join fetch t.area "
            + "left join fetch t.parent left join fetch t.crossCityLeadCity ";

    public Optional<Task> findFull(long id) {
        return getEntityManager().createQuery(FETCH + "where t.id = :id", Task.class)
                .setParameter("id", id).getResultStream().findFirst();
    }

    /** The given tasks as entities to change, as {@link #findFull(long)} loads one, by id (one statement). */
    public Map<Long, Task> findFull(Collection<Long> ids) {
        Map<Long, Task> byId = new HashMap<>();
        if (!ids.isEmpty()) {
            IdLists.query(getEntityManager(), FETCH + "where t.id in :ids", Task.class, ids).getResultStream()
                    .forEach(t -> byId.put(t.getId(), t));
        }
        return byId;
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

    /** A page of tasks as rows (no entities), filtered and sorted as the list documents. */
    public List<TaskRow> searchRows(TaskSearch s, int offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = where(s, params);
        TypedQuery<TaskRow> query = getEntityManager()
                .createQuery(TaskRow.SELECT + "where " + where + " order by " + orderBy(s.sort), TaskRow.class)
                .setFirstResult(offset).setMaxResults(limit);
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    public Optional<TaskRow> findRow(long id) {
        return getEntityManager().createQuery(TaskRow.SELECT + "where t.id = :id", TaskRow.class)
                .setParameter("id", id).getResultStream().findFirst();
    }

    /** The given tasks as rows, in id order (one statement). */
    public List<TaskRow> findRows(Collection<Long> ids) {
        return ids.isEmpty() ? List.of()
                : IdLists.query(getEntityManager(), TaskRow.SELECT + "where t.id in :ids order by t.id", TaskRow.class, ids).getResultList();
    }

    public long countMatching(TaskSearch s) {
        Map<String, Object> params = new HashMap<>();
        TypedQuery<Long> query = getEntityManager()
                .createQuery("select count(t) from Task t where " + where(s, params), Long.class);
        params.forEach(query::setParameter);
        return query.getSingleResult();
    }

    /** A plan's whole tree as rows, in document order (sort order, then id): plain JDBC, {@link TaskTreeRow#of} says why. */
    public List<TaskTreeRow> treeRowsOfPlan(long planId) {
        List<TaskTreeRow> rows = new ArrayList<>();
        eachRowOfPlan(TaskTreeRow.SQL_OF_PLAN, planId, rs -> rows.add(TaskTreeRow.of(rs)));
        return rows;
    }

    /** Each row of a statement whose one parameter is a plan's id (common/persistence/JdbcRows). */
    private void eachRowOfPlan(String sql, long planId, JdbcRows.RowConsumer each) {
        JdbcRows.each(getEntityManager(), sql, each, planId);
    }

    // A page's ids are bound as single-valued parameters (common/persistence/IdLists: Hibernate translates a query with a
    // list parameter again on every execution); QueryCountTest guards the statement counts.

    /** The responsible units of the given tasks, by task, as views (one scalar query, no entities). */
    public Map<Long, List<ResponsibleUnitView>> responsibleUnitViewsOf(Collection<Long> taskIds) {
        return taskIds.isEmpty() ? Map.of() : responsibleUnitViews(IdLists.in("r.task.id", taskIds));
    }

    /**
     * The same for every task of a plan (a tree: 7 000 rows for 2 000 tasks at province scale), given every unit by id
     * ({@code UnitService.allUnitRefs}: a few hundred rows province-wide): which unit answers for which task in what
     * role, from the index (task_id, role, unit_id) alone, instead of a join that sent a unit's code, name and city with
     * every row (19.5 → ~7 ms on the database, and a third of the strings to decode; deploy/bench-notes/session13.md).
     * The tree reads in one read-only transaction, so the units and these rows come from one snapshot (REPEATABLE
     * READ, the default of MySQL and MariaDB): every unit a row names is among the units.
     */
    public Map<Long, List<ResponsibleUnitView>> responsibleUnitViewsOfPlan(long planId, Map<Long, UnitRef> units) {
        Map<Long, List<ResponsibleUnitView>> byTask = new HashMap<>();
        // plain JDBC as the tree's rows (TaskTreeRow.of): 7 000 rows for a plan of 2 000 tasks
        eachRowOfPlan("select r.task_id, r.unit_id, r.role from task_responsible_unit r join task t on t.id = r.task_id "
                + "where t.plan_id = ? order by r.id", planId, rs -> byTask.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new ResponsibleUnitView(units.get(rs.getLong(2)), ResponsibilityRole.valueOf(rs.getString(3)))));
        return byTask;
    }

    /** The cross-city lead units of the given tasks, by task, as references (one scalar query). */
    public Map<Long, List<UnitRef>> crossCityLeadRefsOf(Collection<Long> taskIds) {
        return taskIds.isEmpty() ? Map.of() : crossCityLeadRefs(IdLists.in("t.id", taskIds));
    }

    /**
     * The same for every task of a plan, given every unit by id (as {@link #responsibleUnitViewsOfPlan}): task and unit
     * ids only, from the join table's key, not each unit's columns again (~3 ms less on the database for a plan of 2 000
     * tasks, session 14).
     */
    public Map<Long, List<UnitRef>> crossCityLeadRefsOfPlan(long planId, Map<Long, UnitRef> units) {
        Map<Long, List<UnitRef>> byTask = new HashMap<>();
        // through the same plain read as the tree's rows: Hibernate's HQL for this joined `unit` to find `u.id`
        eachRowOfPlan("select l.task_id, l.unit_id from task_cross_city_lead_unit l join task t on t.id = l.task_id "
                + "where t.plan_id = ? order by l.unit_id", planId, rs -> byTask.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(units.get(rs.getLong(2))));
        return byTask;
    }

    /** The milestones of the given tasks, by task, in their order, as views (one scalar query). */
    public Map<Long, List<MilestoneView>> milestoneViewsOf(Collection<Long> taskIds) {
        if (taskIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<MilestoneView>> byTask = new HashMap<>();
        IdLists.Predicate ids = IdLists.in("m.task.id", taskIds);
        ids.bind(getEntityManager().createQuery("select m.task.id, m.title, m.dueDate, m.completedOn, m.plannedPercent from Milestone m "
                        + "where " + ids.where() + " order by m.sortOrder", Object[].class)).getResultStream()
                .forEach(r -> byTask.computeIfAbsent((Long) r[0], k -> new ArrayList<>())
                        .add(new MilestoneView((String) r[1], (LocalDate) r[2], (LocalDate) r[3], (Integer) r[4])));
        return byTask;
    }

    private Map<Long, List<ResponsibleUnitView>> responsibleUnitViews(IdLists.Predicate where) {
        Map<Long, UnitRef> refs = new HashMap<>();
        Map<Long, List<ResponsibleUnitView>> byTask = new HashMap<>();
        where.bind(getEntityManager().createQuery("select r.task.id, u.id, u.code, u.name, c.code, r.role from TaskResponsibleUnit r "
                        + "join r.unit u join u.city c where " + where.where() + " order by r.id", Object[].class)).getResultStream()
                .forEach(r -> byTask.computeIfAbsent((Long) r[0], k -> new ArrayList<>())
                        .add(new ResponsibleUnitView(ref(refs, r), (ResponsibilityRole) r[5])));
        return byTask;
    }

    private Map<Long, List<UnitRef>> crossCityLeadRefs(IdLists.Predicate where) {
        Map<Long, UnitRef> refs = new HashMap<>();
        Map<Long, List<UnitRef>> byTask = new HashMap<>();
        where.bind(getEntityManager().createQuery("select t.id, u.id, u.code, u.name, c.code from Task t join t.crossCityLeadUnits u "
                        + "join u.city c where " + where.where() + " order by u.id", Object[].class)).getResultStream()
                .forEach(r -> byTask.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add(ref(refs, r)));
        return byTask;
    }

    /** One reference per unit for the whole read (columns 1-4 of the row: id, code, name, city code). */
    private static UnitRef ref(Map<Long, UnitRef> refs, Object[] r) {
        return refs.computeIfAbsent((Long) r[1], id -> new UnitRef(id, (String) r[2], (String) r[3], (String) r[4]));
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
