package cn.gov.zhuzhou.duban.plan;

import cn.gov.zhuzhou.duban.common.config.DubanConfig;
import cn.gov.zhuzhou.duban.common.error.ConflictException;
import cn.gov.zhuzhou.duban.common.error.InvalidRequestException;
import cn.gov.zhuzhou.duban.common.error.NotFoundException;
import cn.gov.zhuzhou.duban.common.error.StaleVersionException;
import cn.gov.zhuzhou.duban.common.paging.Page;
import cn.gov.zhuzhou.duban.common.paging.PageQuery;
import cn.gov.zhuzhou.duban.common.persistence.IdLists;
import cn.gov.zhuzhou.duban.common.persistence.ReadOnlyTransaction;
import cn.gov.zhuzhou.duban.events.Audience;
import cn.gov.zhuzhou.duban.events.DomainEvents;
import cn.gov.zhuzhou.duban.events.EventType;
import cn.gov.zhuzhou.duban.plan.TaskWriteFields.Content;
import cn.gov.zhuzhou.duban.plan.TaskWriteFields.ResponsibleUnitRequest;
import cn.gov.zhuzhou.duban.unit.City;
import cn.gov.zhuzhou.duban.unit.Unit;
import cn.gov.zhuzhou.duban.unit.UnitService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The plan's tasks: their content, their place in the hierarchy, and who answers for them. */
@ApplicationScoped
public class TaskService {

    private final TaskRepository tasks;
    private final PlanService plans;
    private final UnitService units;
    private final TaskAccess access;
    private final java.time.Clock clock;
    private final cn.gov.zhuzhou.duban.common.audit.CurrentActor actor;
    private final DubanConfig config;
    private final TaskStandings standings;
    private final TaskViews views;

    TaskService(TaskRepository tasks, PlanService plans, UnitService units, TaskAccess access, java.time.Clock clock,
            cn.gov.zhuzhou.duban.common.audit.CurrentActor actor, DubanConfig config, TaskStandings standings, TaskViews views) {
        this.views = views;
        this.config = config;
        this.standings = standings;
        this.tasks = tasks;
        this.plans = plans;
        this.units = units;
        this.access = access;
        this.clock = clock;
        this.actor = actor;
    }

    @ReadOnlyTransaction
    public Page<TaskView> searchTasks(TaskSearch search, PageQuery page) {
        if (search.deadlineFrom != null && search.deadlineTo != null && search.deadlineTo.isBefore(search.deadlineFrom)) {
            throw new InvalidRequestException("deadlineTo", "截止日期上限不能早于下限");
        }
        access.scope(search);
        if (search.light != null) {
            java.time.LocalDate on = search.lightOn != null ? search.lightOn : java.time.LocalDate.now(clock);
            search.onlyIds = standings.asOf(on, search.planId, TaskStandings.Detail.LIGHTS).stream().filter(s -> s.light().color() == search.light)
                    .map(TaskStanding::taskId).toList();
            if (search.onlyIds.isEmpty()) {
                return Page.of(List.of(), page, 0);
            }
        }
        List<TaskRow> found = tasks.searchRows(search, page.offset(), page.size);
        return Page.of(views.of(found), page, tasks.countMatching(search));
    }

    /** One task as the API shows it; also the answer of every write, read back in the writer's transaction. */
    @ReadOnlyTransaction
    public TaskView getTask(long id) {
        TaskRow row = tasks.findRow(id).orElseThrow(() -> new NotFoundException("任务", id));
        access.checkReadable(row.id(), row.shared());
        return views.of(List.of(row)).get(0);
    }

    /**
     * Records a progress report and moves the task's status and percent: by the office, by a unit that answers for
     * the task, or by the partner city that leads it (TaskAccess decides). Every report stays in the history.
     */
    @Transactional
    public TaskView reportProgress(long id, TaskProgressRequest r) {
        Task task = requireTask(id);
        access.checkReadable(task.getId(), task.getCrossCityLeadCity() != null);
        ProgressSource source = access.checkMayReport(task, tasks.responsibleUnitViewsOf(List.of(id)).getOrDefault(id, List.of()));
        checkVersion(task, r.version());
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        task.trackAsOf(today, r.status(), r.progressPercent());
        tasks.flush(); // the guarded update before the history insert (see TicketItemService.move)
        Unit unit = source == ProgressSource.UNIT ? units.findByCode(access.callerUnitCode()).orElse(null) : null;
        City city = source == ProgressSource.PARTNER ? units.requireCity(access.callerCityCode()) : null;
        tasks.persistProgress(new TaskProgress(task, r.status(), r.progressPercent(), blankToNull(r.note()), source, unit, city,
                clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), today, actor.name(), actor.displayName()));
        tasks.flush();
        return DomainEvents.record(EventType.TASK_PROGRESS_CHANGED, id, getTask(id), TaskService::audience);
    }

    @ReadOnlyTransaction
    public List<TaskProgressView> progressHistory(long id) {
        TaskRow task = tasks.findRow(id).orElseThrow(() -> new NotFoundException("任务", id));
        access.checkReadable(task.id(), task.shared());
        return tasks.progressOf(id).stream().map(TaskProgressView::of).toList();
    }

    @ReadOnlyTransaction
    public boolean exists(long id) {
        return tasks.findByIdOptional(id).isPresent();
    }

    /** A plan's whole hierarchy in a fixed number of statements whatever its size (see {@link TaskViews#tree}). */
    @ReadOnlyTransaction
    public PlanTreeView planTree(long planId) {
        Plan plan = plans.requirePlan(planId);
        return views.tree(PlanView.of(plan), plans.areasOf(planId).stream().map(AreaView::of).toList());
    }

    @Transactional
    public TaskView createTask(TaskCreateRequest r) {
        Plan plan = plans.requirePlan(r.planId());
        if (tasks.codeTaken(plan.getId(), r.code())) {
            throw new ConflictException("任务编号 " + r.code() + " 在该方案中已存在");
        }
        Task task = new Task(plan, r.code(), r.kind());
        if (r.parentId() != null) {
            Task parent = tasks.findByIdOptional(r.parentId())
                    .orElseThrow(() -> new InvalidRequestException("parentId", "上级任务 " + r.parentId() + " 不存在"));
            checkParent(task, parent);
            task.moveUnder(parent);
        }
        applyContent(task, r, tasks.nextSortOrder(plan.getId()));
        tasks.persist(task);
        tasks.flush();
        return getTask(task.getId());
    }

    @Transactional
    public TaskView updateTask(long id, TaskUpdateRequest r) {
        Task task = requireTask(id);
        checkVersion(task, r.version());
        applyContent(task, r, task.getSortOrder());
        tasks.flush();
        return getTask(id);
    }

    @Transactional
    public TaskView moveTask(long id, TaskMoveRequest r) {
        Task task = requireTask(id);
        checkVersion(task, r.version());
        Task parent = null;
        if (r.parentId() != null) {
            parent = tasks.findByIdOptional(r.parentId())
                    .orElseThrow(() -> new InvalidRequestException("parentId", "上级任务 " + r.parentId() + " 不存在"));
            checkParent(task, parent);
            for (Task up = parent; up != null; up = up.getParent()) {
                if (up.getId().equals(task.getId())) {
                    throw new ConflictException("不能把任务移到它自己或它的下级任务之下");
                }
            }
        }
        task.moveUnder(parent);
        tasks.flush();
        return getTask(id);
    }

    /** Deletes a task nothing refers to: no sub-tasks, no working group, no later record (the foreign keys judge). */
    @Transactional
    public void deleteTask(long id) {
        Task task = requireTask(id);
        long children = tasks.countChildren(id);
        if (children > 0) {
            throw ConflictException.inUse("任务 " + task.getCode() + " 还有 " + children + " 个下级任务，不能删除");
        }
        try {
            tasks.delete(task);
            tasks.flush();
        } catch (org.hibernate.exception.ConstraintViolationException e) {
            throw ConflictException.inUse("任务 " + task.getCode() + " 仍被工作组或其他记录引用，不能删除");
        }
    }

    // ---- tasks as they stood -------------------------------------------------------------------------------

    /**
     * Every task with its progress as it stood at the end of {@code asOf} (Asia/Shanghai) and its light on that day;
     * parents rolled up from their sub-tasks. Read with scalar queries (see TaskStandings for the rule).
     */
    public List<TaskStanding> taskStandings(java.time.LocalDate asOf) {
        return standings.asOf(asOf, null);
    }

    /** The same, for one plan's tasks. */
    public List<TaskStanding> taskStandings(java.time.LocalDate asOf, long planId) {
        plans.requirePlan(planId);
        return standings.asOf(asOf, planId);
    }

    /**
     * Only the lights (the dashboard): every task of the plan (null: every plan) with its figure and light as it stood
     * and its area, but no code, title or responsible units (null, empty): at province scale those are most of the
     * bytes read. {@link #taskRefs} names the few a reader is shown.
     */
    public List<TaskStanding> taskLights(java.time.LocalDate asOf, Long planId) {
        if (planId != null) {
            plans.requirePlan(planId);
        }
        return standings.asOf(asOf, planId, TaskStandings.Detail.LIGHTS);
    }

    // ---- for the monthly reports --------------------------------------------------------------------------

    /** The tasks a unit answers for (any role), by id. */
    @ReadOnlyTransaction
    public Map<Long, TaskRef> tasksAnsweredBy(long unitId) {
        return tasks.getEntityManager().createQuery("select r.task from TaskResponsibleUnit r where r.unit.id = :u order by r.task.sortOrder",
                        Task.class).setParameter("u", unitId).getResultStream()
                .collect(Collectors.toMap(Task::getId, TaskRef::of, (a, b) -> a, LinkedHashMap::new));
    }

    @ReadOnlyTransaction
    public Map<Long, TaskRef> taskRefs(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return IdLists.query(tasks.getEntityManager(), "select new cn.gov.zhuzhou.duban.plan.TaskRef(t.id, t.code, t.title) from Task t "
                + "where t.id in :ids", TaskRef.class, ids).getResultStream()
                .collect(Collectors.toMap(TaskRef::id, r -> r));
    }

    /**
     * Annex 2, rule 5: every lead or main responsible unit (牵头单位或主要责任单位) reports monthly. Two EXISTS per unit in
     * the select list, each a probe of ix_tru_unit_role on (unit, role) that stops at the first row: about 900 index
     * reads at province scale. In the WHERE clause MariaDB 10.11 turns the EXISTS into a materialized semi-join that
     * walks all of ix_tru_unit_role (70 000 entries, ~10x the time; deploy/bench-notes/queries.md, session 7), and one
     * EXISTS with {@code role in (...)} probes by unit only and reads every cooperating row on the way (30 000).
     */
    @ReadOnlyTransaction
    public List<Long> reportingUnitIds() {
        return tasks.getEntityManager().createQuery("select u.id, case when exists (select 1 from TaskResponsibleUnit r "
                        + "where r.unit = u and r.role = :lead) or exists (select 1 from TaskResponsibleUnit r where r.unit = u and r.role = :main) "
                        + "then true else false end from Unit u order by u.id", Object[].class)
                .setParameter("lead", ResponsibilityRole.LEAD).setParameter("main", ResponsibilityRole.MAIN).getResultStream()
                .filter(r -> Boolean.TRUE.equals(r[1])).map(r -> (Long) r[0]).toList();
    }

    /** One line of a submitted monthly report: the task it reports on, the percent reached and the note for its history. */
    public record ReportedProgress(long taskId, int percent, String note) {
    }

    /**
     * Records a unit's monthly report lines as the progress of their tasks (a submitted monthly report moves them): a
     * history row each, and each task's status and percent as of the month's end, unless a later month's report (or
     * progress) already set them: a task keeps its latest month's state, never an older month's. 100 % completes the
     * task; 0 % does not start it. The tasks are read, and their views made for the events, for all lines at once
     * (issue 11: a report of many tasks costs the statements of one, but for each line's writes).
     */
    @Transactional
    public void recordReportedProgress(java.time.YearMonth month, Unit unit, List<ReportedProgress> lines) {
        if (lines.isEmpty()) {
            return;
        }
        List<Long> ids = lines.stream().map(ReportedProgress::taskId).distinct().toList();
        Map<Long, Task> byId = tasks.findFull(ids);
        java.time.Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        java.time.LocalDate asOf = month.atEndOfMonth();
        for (ReportedProgress line : lines) {
            Task task = byId.get(line.taskId());
            if (task == null) {
                throw new NotFoundException("任务", line.taskId());
            }
            int percent = line.percent();
            TaskStatus status = percent == 100 ? TaskStatus.COMPLETED
                    : percent > 0 || task.getStatus() == TaskStatus.COMPLETED ? TaskStatus.IN_PROGRESS : task.getStatus();
            task.trackAsOf(asOf, status, percent);
            tasks.persistProgress(new TaskProgress(task, status, percent, line.note(), ProgressSource.UNIT, unit, null, now, asOf,
                    actor.name(), actor.displayName()));
        }
        tasks.flush(); // the views show the tasks' new versions
        Map<Long, TaskView> changed = views.of(tasks.findRows(ids)).stream().collect(Collectors.toMap(TaskView::id, Function.identity()));
        Map<Long, TaskView> inReportOrder = new LinkedHashMap<>();
        ids.forEach(id -> inReportOrder.put(id, changed.get(id)));
        DomainEvents.recordAll(EventType.TASK_PROGRESS_CHANGED, inReportOrder, TaskService::audience);
    }

    // ---- rules ------------------------------------------------------------------------------------------

    private void applyContent(Task task, Content c, int sortOrder) {
        Area area = c.areaId() == null ? null : plans.requireArea(task.getPlan().getId(), c.areaId());
        checkSchedule(c, c.startDate() != null ? c.startDate() : task.getPlan().getPeriodStart());
        task.describe(c.title().strip(), blankToNull(c.description()), blankToNull(c.leadClause()), area, c.deadline(), sortOrder);
        task.schedule(c.startDate(), c.weight());
        task.track(c.status() == null ? TaskStatus.NOT_STARTED : c.status(), c.progressPercent() == null ? 0 : c.progressPercent());
        assignCrossCityLead(task, c.crossCityLead());
        assignResponsibleUnits(task, c.responsibleUnits() == null ? List.of() : c.responsibleUnits());
        checkCompletedOnPassed(c.milestones() == null ? List.of() : c.milestones());
        task.replaceMilestones(c.milestones() == null ? List.of()
                : c.milestones().stream().map(m -> new Task.MilestoneSpec(m.title().strip(), m.dueDate(), m.completedOn(), m.plannedPercent())).toList());
    }

    /**
     * The schedule that shapes expected progress: the start not after the deadline; a milestone with a planned percent
     * has a due date within [start, deadline], and planned percents do not decrease as the dates advance.
     */
    private static void checkSchedule(Content c, java.time.LocalDate start) {
        if (c.startDate() != null && c.deadline() != null && c.startDate().isAfter(c.deadline())) {
            throw new InvalidRequestException("startDate", "开始日期不能晚于截止日期（" + c.deadline() + "）");
        }
        List<TaskWriteFields.MilestoneRequest> ms = c.milestones() == null ? List.of() : c.milestones();
        List<Integer> planned = new ArrayList<>();
        for (int i = 0; i < ms.size(); i++) {
            TaskWriteFields.MilestoneRequest m = ms.get(i);
            if (m.plannedPercent() == null) {
                continue;
            }
            if (m.dueDate() == null) {
                throw new InvalidRequestException("milestones[" + i + "].dueDate", "设定了计划进度的节点须有到期日期");
            }
            if (start != null && m.dueDate().isBefore(start)) {
                throw new InvalidRequestException("milestones[" + i + "].dueDate", "设定了计划进度的节点不能早于任务开始日期（" + start + "）");
            }
            if (c.deadline() != null && m.dueDate().isAfter(c.deadline())) {
                throw new InvalidRequestException("milestones[" + i + "].dueDate", "节点日期不能晚于任务截止日期（" + c.deadline() + "）");
            }
            planned.add(i);
        }
        for (int i : planned) {
            for (int j : planned) {
                TaskWriteFields.MilestoneRequest a = ms.get(i);
                TaskWriteFields.MilestoneRequest b = ms.get(j);
                if (a.dueDate().isBefore(b.dueDate()) && a.plannedPercent() > b.plannedPercent()) {
                    throw new InvalidRequestException("milestones[" + j + "].plannedPercent", "计划进度不能随日期减少：早于它的节点“"
                            + a.title() + "”已计划 " + a.plannedPercent() + "%");
                }
            }
        }
    }

    /** A milestone's completion is an action that happened: its date is never after today (Asia/Shanghai). */
    private void checkCompletedOnPassed(List<TaskWriteFields.MilestoneRequest> milestones) {
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        for (int i = 0; i < milestones.size(); i++) {
            java.time.LocalDate done = milestones.get(i).completedOn();
            if (done != null && done.isAfter(today)) {
                throw new InvalidRequestException("milestones[" + i + "].completedOn", "完成日期不能晚于今天（" + today + "）");
            }
        }
    }

    /** The cross-city lead (三市由X牵头) is one city and unit(s) of that same city. */
    private void assignCrossCityLead(Task task, TaskWriteFields.CrossCityLeadRequest lead) {
        if (lead == null) {
            task.assignCrossCityLead(null, java.util.Set.of());
            return;
        }
        City city = units.requireCity(lead.cityCode());
        List<Unit> leadUnits = units.requireUnits(lead.unitIds(), "crossCityLead.unitIds");
        for (Unit u : leadUnits) {
            if (!u.getCity().getId().equals(city.getId())) {
                throw new InvalidRequestException("crossCityLead.unitIds", "牵头单位 " + u.getName() + " 不属于" + city.getName());
            }
        }
        task.assignCrossCityLead(city, new LinkedHashSet<>(leadUnits));
    }

    /** Responsible units (责任单位) are Zhuzhou's own units, each named once. */
    private void assignResponsibleUnits(Task task, List<ResponsibleUnitRequest> requested) {
        List<Long> ids = requested.stream().map(ResponsibleUnitRequest::unitId).toList();
        if (ids.size() != ids.stream().distinct().count()) {
            throw new InvalidRequestException("responsibleUnits", "同一单位只能出现一次");
        }
        Map<Long, Unit> byId = units.requireUnits(ids, "responsibleUnits").stream()
                .collect(Collectors.toMap(Unit::getId, Function.identity()));
        Map<Unit, ResponsibilityRole> wanted = new LinkedHashMap<>();
        for (ResponsibleUnitRequest r : requested) {
            Unit unit = byId.get(r.unitId());
            if (!City.ZHUZHOU.equals(unit.getCity().getCode())) {
                throw new InvalidRequestException("responsibleUnits", "责任单位须为株洲市单位：" + unit.getName());
            }
            wanted.put(unit, r.role());
        }
        task.assignResponsibleUnits(wanted);
    }

    private static void checkParent(Task task, Task parent) {
        if (!Objects.equals(parent.getPlan().getId(), task.getPlan().getId())) {
            throw new InvalidRequestException("parentId", "上级任务须属于同一方案");
        }
        if (parent.getKind() != task.getKind()) {
            throw new InvalidRequestException("parentId", "下级任务须与上级任务同类（长期或近期）");
        }
    }

    private static void checkVersion(Task task, Long sent) {
        StaleVersionException.requireCurrent("任务", task.getId(), sent, task.getVersion());
    }

    private Task requireTask(long id) {
        return tasks.findFull(id).orElseThrow(() -> new NotFoundException("任务", id));
    }

    /** A task's events reach its responsible units, and the partner cities when the three cities share it (TaskAccess). */
    static Audience audience(TaskView v) {
        return Audience.task(v.crossCityLead() != null, v.responsibleUnits().stream().map(r -> r.unit().id()).toList());
    }

    /** The configured thresholds of the lights. */
    public static ProgressLight.Margins margins(DubanConfig config) {
        DubanConfig.Lights l = config.lights();
        return new ProgressLight.Margins(l.yellowMargin(), l.redMargin(), l.nearDeadlineDays(), l.itemNearDeadlineDays());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
