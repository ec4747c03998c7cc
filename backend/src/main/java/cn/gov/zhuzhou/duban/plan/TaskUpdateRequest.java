package cn.gov.zhuzhou.duban.plan;

import cn.gov.zhuzhou.duban.plan.TaskWriteFields.CrossCityLeadRequest;
import cn.gov.zhuzhou.duban.plan.TaskWriteFields.MilestoneRequest;
import cn.gov.zhuzhou.duban.plan.TaskWriteFields.ResponsibleUnitRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TaskUpdateRequest", description = "The whole editable content of a task (a full replacement); plan, code, "
        + "kind and parent do not change here (see moveTask).")
public record TaskUpdateRequest(
        @NotBlank(message = "不能为空") @Size(max = 255, message = "不能超过 255 个字符") @Schema(example = "启动全国区域性物流枢纽工程建设") String title,
        @Size(max = 5000, message = "不能超过 5000 个字符") @Schema(example = "启动全国区域性物流枢纽工程建设……") String description,
        @Size(max = 500, message = "不能超过 500 个字符") @Schema(example = "长株潭三市由株洲市发展和改革委员会牵头") String leadClause,
        @Schema(example = "3") Long areaId,
        @Valid CrossCityLeadRequest crossCityLead,
        List<@Valid @NotNull(message = "不能为空") ResponsibleUnitRequest> responsibleUnits,
        @Schema(example = "2019-12-31") LocalDate deadline,
        List<@Valid @NotNull(message = "不能为空") MilestoneRequest> milestones,
        @NotNull(message = "不能为空") @Schema(example = "IN_PROGRESS") TaskStatus status,
        @NotNull(message = "不能为空") @Min(value = 0, message = "须在 0 到 100 之间") @Max(value = 100, message = "须在 0 到 100 之间")
        @Schema(example = "40") Integer progressPercent,
        @Schema(example = "2026-03-01", description = "The day the task starts, from which its expected progress runs; null: the plan's period start.") LocalDate startDate,
        @Min(value = 1, message = "须为正整数") @Schema(example = "2", minimum = "1", description = "Its weight among its sibling sub-tasks in the parent's rolled-up progress; null counts as 1 (equal weights).") Integer weight,
        @Schema(example = "0", deprecated = true, description = "Deprecated: send the ETag you read as If-Match instead, which every PUT requires and which wins over this field (it is not looked at when If-Match is sent). Accepted in this release only; removed in the next.") Long version)
        implements TaskWriteFields.Content {
}
