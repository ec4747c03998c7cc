package cn.gov.zhuzhou.duban.plan;

import cn.gov.zhuzhou.duban.common.audit.AuditView;
import cn.gov.zhuzhou.duban.unit.CityView;
import cn.gov.zhuzhou.duban.unit.UnitRef;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TaskView", requiredProperties = {"id", "planId", "code", "kind", "title", "status", "progressPercent", "derivedStatus", "derivedProgressPercent", "light", "version", "audit"}, description = "A task of the plan with its lead, responsible units and milestones.")
public record TaskView(
        @Schema(readOnly = true, example = "14") Long id,
        @Schema(example = "1") Long planId,
        @Schema(example = "N6") String code,
        @Schema(example = "NEAR_TERM") TaskKind kind,
        @Schema(example = "启动全国区域性物流枢纽工程建设") String title,
        @Schema(example = "启动全国区域性物流枢纽工程建设，加强三市物流资源共享对接，争取2019年度纳入国家物流枢纽规划。") String description,
        @Schema(example = "长株潭三市由株洲市发展和改革委员会牵头，株洲市主要责任单位：市发展和改革委员会、市商务和粮食局") String leadClause,
        AreaView area,
        @Schema(example = "9", description = "Parent task, for a sub-item such as 5.1.") Long parentId,
        @Schema(description = "Who leads the task for all three cities; null when the document names none.") CrossCityLeadView crossCityLead,
        @Schema(description = "Zhuzhou units answerable for the task.") List<ResponsibleUnitView> responsibleUnits,
        @Schema(example = "2019-12-31") LocalDate deadline,
        @Schema(example = "2019-03-01", description = "The day the task starts; null: its plan's period start.") LocalDate startDate,
        @Schema(example = "2", description = "Its weight among its sibling sub-tasks in the parent's rolled-up progress; null counts as 1.") Integer weight,
        List<MilestoneView> milestones,
        @Schema(example = "IN_PROGRESS", description = "The reported status.") TaskStatus status,
        @Schema(example = "40", minimum = "0", maximum = "100", description = "The reported progress.") int progressPercent,
        @Schema(readOnly = true, example = "IN_PROGRESS", description = "The status derived from the sub-tasks (all completed: "
                + "COMPLETED; any started: IN_PROGRESS...); a task without sub-tasks: its reported status.") TaskStatus derivedStatus,
        @Schema(readOnly = true, example = "35", minimum = "0", maximum = "100", description = "The progress rolled up from the "
                + "sub-tasks (weighted mean, rounded down); a task without sub-tasks: its reported progress.") int derivedProgressPercent,
        @Schema(readOnly = true, description = "The task's light today (三色督办), decided on the derived figure, with why.") ProgressLight light,
        @Schema(readOnly = true, example = "0") long version,
        @Schema(readOnly = true) AuditView audit) {

    @Schema(name = "CrossCityLeadView", requiredProperties = {"city", "units"}, description = "The city and unit(s) leading a task for all three cities (三市由X牵头).")
    public record CrossCityLeadView(CityView city, List<UnitRef> units) {
    }

    @Schema(name = "ResponsibleUnitView", requiredProperties = {"unit", "role"}, description = "A Zhuzhou unit and how it answers for the task.")
    public record ResponsibleUnitView(UnitRef unit, @Schema(example = "MAIN") ResponsibilityRole role) {
    }

    @Schema(name = "MilestoneView", requiredProperties = {"title", "dueDate"}, description = "A dated step of a task.")
    public record MilestoneView(@Schema(example = "纳入国家物流枢纽规划") String title, @Schema(example = "2019-12-31") LocalDate dueDate,
            @Schema(example = "2019-11-20") LocalDate completedOn,
            @Schema(example = "60", minimum = "0", maximum = "100", description = "Progress planned by the due date (计划进度); null: none.") Integer plannedPercent) {
    }
}
