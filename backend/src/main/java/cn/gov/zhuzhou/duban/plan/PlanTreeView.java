package cn.gov.zhuzhou.duban.plan;

import cn.gov.zhuzhou.duban.plan.TaskView.CrossCityLeadView;
import cn.gov.zhuzhou.duban.plan.TaskView.ResponsibleUnitView;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PlanTreeView", requiredProperties = {"plan", "areas", "tasks"}, description = "A plan's whole hierarchy in one read: its areas and its task tree.")
public record PlanTreeView(PlanView plan, List<AreaView> areas, List<TaskNode> tasks) {

    @Schema(name = "TaskNode", requiredProperties = {"id", "code", "kind", "title", "status", "progressPercent", "derivedStatus", "derivedProgressPercent", "light", "children"}, description = "A task in the tree, with its sub-tasks.")
    public record TaskNode(
            @Schema(example = "9") Long id,
            @Schema(example = "N5") String code,
            @Schema(example = "NEAR_TERM") TaskKind kind,
            @Schema(example = "推进城际公交与“一卡通”") String title,
            @Schema(example = "A2") String areaCode,
            CrossCityLeadView crossCityLead,
            List<ResponsibleUnitView> responsibleUnits,
            @Schema(example = "2019-12-31") LocalDate deadline,
            @Schema(example = "2019-03-01", description = "The day the task starts; null: its plan's period start.") LocalDate startDate,
            @Schema(example = "2", description = "Its weight in the parent's rolled-up progress; null counts as 1.") Integer weight,
            @Schema(example = "IN_PROGRESS", description = "The reported status.") TaskStatus status,
            @Schema(example = "40", description = "The reported progress.") int progressPercent,
            @Schema(example = "IN_PROGRESS", description = "The status derived from the sub-tasks; a leaf: its reported status.") TaskStatus derivedStatus,
            @Schema(example = "35", description = "The progress rolled up from the sub-tasks (weighted mean, rounded down); a leaf: its reported progress.") int derivedProgressPercent,
            @Schema(description = "The task's light today (三色督办), decided on the derived figure, with why.") ProgressLight light,
            @Schema(description = "Sub-tasks in document order.") List<TaskNode> children) {
    }
}
