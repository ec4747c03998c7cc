package cn.gov.zhuzhou.duban.plan;

import cn.gov.zhuzhou.duban.common.audit.AuditView;
import cn.gov.zhuzhou.duban.common.config.DubanConfig;
import cn.gov.zhuzhou.duban.plan.PlanTreeView.TaskNode;
import cn.gov.zhuzhou.duban.plan.TaskView.CrossCityLeadView;
import cn.gov.zhuzhou.duban.plan.TaskView.MilestoneView;
import cn.gov.zhuzhou.duban.plan.TaskView.ResponsibleUnitView;
import cn.gov.zhuzhou.duban.unit.CityView;
import cn.gov.zhuzhou.duban.unit.UnitRef;
import cn.gov.zhuzhou.duban.unit.UnitService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Task views from rows (issue 11): a page, one task or a plan's tree is a fixed number of scalar statements (the rows,
 * then one per collection for all of them), mapped straight to the API's records; no entity is loaded, so nothing is
 * managed, snapshotted or dirty-checked. The JSON is the same as when the views were built from entities.
 */
@ApplicationScoped
class TaskViews {

    private final TaskRepository tasks;
    private final UnitService units;
    private final Clock clock;
    private final DubanConfig config;

    TaskViews(TaskRepository tasks, UnitService units, Clock clock, DubanConfig config) {
        this.tasks = tasks;
        this.units = units;
        this.clock = clock;
        this.config = config;
    }

    /** The views of these rows, in their order: their units, leads, milestones, and figures rolled up from their sub-tasks. */
    List<TaskView> of(List<TaskRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(TaskRow::id).toList();
        Map<Long, List<ResponsibleUnitView>> responsible = tasks.responsibleUnitViewsOf(ids);
        Map<Long, List<UnitRef>> leads = tasks.crossCityLeadRefsOf(ids);
        Map<Long, List<MilestoneView>> milestones = tasks.milestoneViewsOf(ids);
        List<ProgressRollup.Node> nodes = new ArrayList<>(rows.stream().map(TaskRow::node).toList());
        Set<Long> listed = new HashSet<>(ids);
        tasks.descendantsOf(ids).stream().filter(n -> !listed.contains(n.id())).forEach(nodes::add);
        Map<Long, ProgressRollup.Figure> derived = ProgressRollup.derive(nodes);
        LocalDate today = LocalDate.now(clock);
        ProgressLight.Margins margins = TaskService.margins(config);
        return rows.stream().map(t -> {
            List<MilestoneView> ms = milestones.getOrDefault(t.id(), List.of());
            ProgressRollup.Figure f = derived.get(t.id());
            ProgressLight light = ProgressLight.ofTask(t.effectiveStart(), t.deadline(), plannedPoints(ms), f.status(), f.percent(), today,
                    margins);
            return new TaskView(t.id(), t.planId(), t.code(), t.kind(), t.title(), t.description(), t.leadClause(),
                    t.areaId() == null ? null : new AreaView(t.areaId(), t.areaCode(), t.areaName(), t.areaSortOrder()), t.parentId(),
                    lead(t.leadCityCode(), t.leadCityName(), leads.getOrDefault(t.id(), List.of())),
                    responsible.getOrDefault(t.id(), List.of()), t.deadline(), t.startDate(), t.weight(), ms, t.status(),
                    t.progressPercent(), f.status(), f.percent(), light, t.version(), AuditView.of(t.audit()));
        }).toList();
    }

    /**
     * A plan's whole hierarchy in seven statements whatever its size (plan, areas, task rows, every unit, which unit
     * answers for which task, cross-city lead units by id, planned milestones), each a scalar read filtered by the plan,
     * never a list of its task ids; the two largest (2 000 and 7 000 rows at province scale) through plain JDBC
     * (TaskRepository).
     */
    PlanTreeView tree(PlanView plan, List<AreaView> areas) {
        long planId = plan.id();
        List<TaskTreeRow> rows = tasks.treeRowsOfPlan(planId);
        Map<Long, UnitRef> unitsById = units.allUnitRefs().stream().collect(Collectors.toMap(UnitRef::id, u -> u));
        Map<Long, List<ResponsibleUnitView>> responsible = tasks.responsibleUnitViewsOfPlan(planId, unitsById);
        Map<Long, List<UnitRef>> leads = tasks.crossCityLeadRefsOfPlan(planId, unitsById);
        Map<Long, List<ProgressLight.PlannedPoint>> planned = tasks.plannedPointsOfPlan(planId);
        Map<Long, ProgressRollup.Figure> derived = ProgressRollup.derive(rows.stream().map(TaskTreeRow::node).toList());
        Map<Long, List<TaskTreeRow>> childrenOf = new HashMap<>();
        List<TaskTreeRow> roots = new ArrayList<>();
        for (TaskTreeRow t : rows) {
            if (t.parentId() == null) {
                roots.add(t);
            } else {
                childrenOf.computeIfAbsent(t.parentId(), k -> new ArrayList<>()).add(t);
            }
        }
        Map<String, CityView> cities = new HashMap<>();
        LocalDate today = LocalDate.now(clock);
        ProgressLight.Margins margins = TaskService.margins(config);
        return new PlanTreeView(plan, areas, nodes(roots, childrenOf, (t, children) -> {
            ProgressRollup.Figure f = derived.get(t.id());
            LocalDate start = t.startDate() != null ? t.startDate() : plan.periodStart();
            ProgressLight light = ProgressLight.ofTask(start, t.deadline(), planned.getOrDefault(t.id(), List.of()), f.status(), f.percent(),
                    today, margins);
            CrossCityLeadView lead = t.leadCityCode() == null ? null
                    : new CrossCityLeadView(cities.computeIfAbsent(t.leadCityCode(), c -> new CityView(c, t.leadCityName())),
                            leads.getOrDefault(t.id(), List.of()));
            return new TaskNode(t.id(), t.code(), t.kind(), t.title(), t.areaCode(), lead, responsible.getOrDefault(t.id(), List.of()),
                    t.deadline(), t.startDate(), t.weight(), t.status(), t.progressPercent(), f.status(), f.percent(), light, children);
        }));
    }

    private static List<TaskNode> nodes(List<TaskTreeRow> level, Map<Long, List<TaskTreeRow>> childrenOf,
            BiFunction<TaskTreeRow, List<TaskNode>, TaskNode> node) {
        return level.stream().map(t -> node.apply(t, nodes(childrenOf.getOrDefault(t.id(), List.of()), childrenOf, node))).toList();
    }

    private static CrossCityLeadView lead(String cityCode, String cityName, List<UnitRef> units) {
        return cityCode == null ? null : new CrossCityLeadView(new CityView(cityCode, cityName), units);
    }

    private static List<ProgressLight.PlannedPoint> plannedPoints(List<MilestoneView> ms) {
        return ms.stream().filter(m -> m.plannedPercent() != null && m.dueDate() != null)
                .map(m -> new ProgressLight.PlannedPoint(m.dueDate(), m.plannedPercent())).toList();
    }
}
