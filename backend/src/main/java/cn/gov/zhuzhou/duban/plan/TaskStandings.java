package cn.gov.zhuzhou.duban.plan;

import cn.gov.zhuzhou.duban.common.config.DubanConfig;
import cn.gov.zhuzhou.duban.common.persistence.JdbcRows;
import cn.gov.zhuzhou.duban.common.persistence.ReadOnlyTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tasks as they stood at the end of a day, read with scalar queries (no managed entities: a province holds tens of
 * thousands of tasks): five statements whatever the number of tasks.
 * <p>
 * A task's figure as of the day is the history row reported by the end of that day (Asia/Shanghai) that describes the
 * latest day (a month report describes the month's last day, a direct report its own day; the later report wins a
 * tie), the same rule that moves the task's current figure. A task with no history at all keeps its current figure
 * (set by the office or the seed); one whose history only starts later stood NOT_STARTED at 0 %. Every task of the
 * plan(s) is listed, whenever it was created. Parents are then rolled up (ProgressRollup) and every light decided on
 * the day (ProgressLight, with the task's start and planned milestones).
 */
@ApplicationScoped
class TaskStandings {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final TaskRepository tasks;
    private final DubanConfig config;

    TaskStandings(TaskRepository tasks, DubanConfig config) {
        this.tasks = tasks;
        this.config = config;
    }

    /**
     * How much of each task to read: FULL (code, title, responsible units: bulletins), or LIGHTS (only what the light
     * and the grouping by area need: the dashboard and the light filter over tens of thousands of tasks; code and title
     * are null and the responsible units empty).
     */
    enum Detail {
        FULL, LIGHTS
    }

    private record Row(long id, long planId, String code, String title, Long areaId, String areaName, Long parentId,
            String leadCity, LocalDate deadline, LocalDate start, Integer weight, TaskStatus status, int percent) {
    }

    @ReadOnlyTransaction
    List<TaskStanding> asOf(LocalDate asOf, Long planId) {
        return asOf(asOf, planId, Detail.FULL);
    }

    @ReadOnlyTransaction
    List<TaskStanding> asOf(LocalDate asOf, Long planId, Detail detail) {
        EntityManager em = tasks.getEntityManager();
        boolean full = detail == Detail.FULL;
        // Plain JDBC, as the tree's rows (TaskRepository.treeRowsOfPlan): 20 000 rows for every plan at province scale,
        // which Hibernate extracted value by value, each date through a Calendar (deploy/bench-notes/session16.md).
        String sql = "select t.id, t.plan_id, " + (full ? "t.code, t.title" : "null, null") + ", t.area_id, a.name, t.parent_id, "
                + (full ? "c.code" : "null") + ", t.deadline, coalesce(t.start_date, pl.period_start), t.weight, t.status, t.progress_percent "
                + "from task t join plan pl on pl.id = t.plan_id left join area a on a.id = t.area_id"
                + (full ? " left join city c on c.id = t.cross_city_lead_city_id" : "")
                + (planId == null ? "" : " where t.plan_id = ?") + " order by t.plan_id, t.sort_order, t.id";
        List<Row> rows = new ArrayList<>();
        JdbcRows.each(em, sql, rs -> rows.add(new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), JdbcRows.nullableLong(rs, 5),
                rs.getString(6), JdbcRows.nullableLong(rs, 7), rs.getString(8), rs.getObject(9, LocalDate.class), rs.getObject(10, LocalDate.class),
                rs.getObject(11, Integer.class), TaskStatus.valueOf(rs.getString(12)), rs.getInt(13))), planParams(planId));
        Map<Long, List<Long>> unitsOf = new HashMap<>();
        if (full) {
            TypedQuery<Object[]> unitQuery = em.createQuery("select r.task.id, r.unit.id from TaskResponsibleUnit r where r.role in :roles"
                    + (planId == null ? "" : " and r.task.plan.id = :p") + " order by r.id", Object[].class)
                    .setParameter("roles", List.of(ResponsibilityRole.LEAD, ResponsibilityRole.MAIN));
            if (planId != null) {
                unitQuery.setParameter("p", planId);
            }
            unitQuery.getResultStream().forEach(r -> unitsOf.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add((Long) r[1]));
        }
        Map<Long, List<ProgressLight.PlannedPoint>> planned = tasks.plannedPointsOfPlan(planId);

        Instant cutoffUtc = asOf.plusDays(1).atStartOfDay(ZONE).toInstant();
        Map<Long, ProgressRollup.Figure> reported = reportedBy(cutoffUtc, planId);
        Set<Long> laterOnly = reportedAfter(cutoffUtc, planId);

        List<ProgressRollup.Node> nodes = new ArrayList<>(rows.size());
        Set<Long> parents = new HashSet<>();
        for (Row r : rows) {
            ProgressRollup.Figure f = reported.get(r.id());
            if (f == null) {
                f = laterOnly.contains(r.id()) ? new ProgressRollup.Figure(TaskStatus.NOT_STARTED, 0)
                        : new ProgressRollup.Figure(r.status(), r.percent());
            }
            nodes.add(new ProgressRollup.Node(r.id(), r.parentId(), f.status(), f.percent(), r.weight()));
            if (r.parentId() != null) {
                parents.add(r.parentId());
            }
        }
        Map<Long, ProgressRollup.Figure> derived = ProgressRollup.derive(nodes);
        ProgressLight.Margins margins = TaskService.margins(config);
        List<TaskStanding> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            ProgressRollup.Figure f = derived.get(r.id());
            ProgressLight light = ProgressLight.ofTask(r.start(), r.deadline(), planned.getOrDefault(r.id(), List.of()), f.status(),
                    f.percent(), asOf, margins);
            out.add(new TaskStanding(r.id(), r.planId(), r.code(), r.title(), r.areaId(), r.areaName(), r.parentId(),
                    !parents.contains(r.id()), r.leadCity(), List.copyOf(unitsOf.getOrDefault(r.id(), List.of())), f.status(),
                    f.percent(), light));
        }
        return out;
    }

    /**
     * Per task, the figure of the history row in force at the cutoff: the row reported before it that describes the
     * latest day (the later report, then the later row, wins a tie). One statement; per task one dive into
     * ix_task_progress_task_as_of read backwards (changeset 36), instead of numbering every history row of the plan.
     */
    private Map<Long, ProgressRollup.Figure> reportedBy(Instant cutoffUtc, Long planId) {
        Map<Long, ProgressRollup.Figure> byTask = new HashMap<>();
        JdbcRows.each(tasks.getEntityManager(), """
                select p.task_id, p.status, p.progress_percent from task t
                join task_progress p on p.id = (select q.id from task_progress q where q.task_id = t.id and q.reported_at < ?
                                                order by q.as_of desc, q.reported_at desc, q.id desc limit 1)"""
                + (planId == null ? "" : " where t.plan_id = ?"),
                rs -> byTask.put(rs.getLong(1), new ProgressRollup.Figure(TaskStatus.valueOf(rs.getString(2)), rs.getInt(3))),
                withPlan(JdbcRows.utc(cutoffUtc), planId));
        return byTask;
    }

    private Set<Long> reportedAfter(Instant cutoffUtc, Long planId) {
        Set<Long> ids = new HashSet<>();
        JdbcRows.each(tasks.getEntityManager(), "select distinct p.task_id from task_progress p join task t on t.id = p.task_id where p.reported_at >= ?"
                + (planId == null ? "" : " and t.plan_id = ?"), rs -> ids.add(rs.getLong(1)), withPlan(JdbcRows.utc(cutoffUtc), planId));
        return ids;
    }

    private static Object[] planParams(Long planId) {
        return planId == null ? new Object[0] : new Object[] {planId};
    }

    private static Object[] withPlan(Object first, Long planId) {
        return planId == null ? new Object[] {first} : new Object[] {first, planId};
    }
}
