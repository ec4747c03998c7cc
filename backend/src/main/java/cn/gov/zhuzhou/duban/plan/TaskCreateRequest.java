package cn.gov.zhuzhou.duban.plan;

import cn.gov.zhuzhou.duban.plan.TaskWriteFields.CrossCityLeadRequest;
import cn.gov.zhuzhou.duban.plan.TaskWriteFields.MilestoneRequest;
import cn.gov.zhuzhou.duban.plan.TaskWriteFields.ResponsibleUnitRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TaskCreateRequest", description = "A new task, at the top of a plan or under a parent task.")
public record TaskCreateRequest(
        @NotNull(message = "不能为空") @Schema(example = "1") Long planId,
        @Schema(example = "9", description = "Parent task, to add a sub-item.") Long parentId,
        @NotBlank(message = "不能为空") @Size(max = 32, message = "不能超过 32 个字符")
        @Pattern(regexp = "[A-Z][A-Z0-9.\\-]*", message = "须以大写字母开头，只含大写字母、数字、点和连字符")
        @Schema(example = "N5.3") String code,
        @NotNull(message = "不能为空") @Schema(example = "NEAR_TERM") TaskKind kind,
        @NotBlank(message = "不能为空") @Size(max = 255, message = "不能超过 255 个字符") @Schema(example = "推进长株潭城际公交线路加密") String title,
        @Size(max = 5000, message = "不能超过 5000 个字符") @Schema(example = "新增三市城际公交线路……") String description,
        @Size(max = 500, message = "不能超过 500 个字符") @Schema(example = "长株潭三市由长沙市交通运输局牵头，株洲市主要责任单位：市交通运输局") String leadClause,
        @Schema(example = "2") Long areaId,
        @Valid CrossCityLeadRequest crossCityLead,
        List<@Valid @NotNull(message = "不能为空") ResponsibleUnitRequest> responsibleUnits,
        @Schema(example = "2026-12-31") LocalDate deadline,
        List<@Valid @NotNull(message = "不能为空") MilestoneRequest> milestones,
        @Schema(example = "NOT_STARTED", description = "Defaults to NOT_STARTED.") TaskStatus status,
        @Min(value = 0, message = "须在 0 到 100 之间") @Max(value = 100, message = "须在 0 到 100 之间")
        @Schema(example = "0", description = "Defaults to 0.") Integer progressPercent,
        @Schema(example = "2026-03-01", description = "The day the task starts, from which its expected progress runs; defaults to the plan's period start.") LocalDate startDate,
        @Min(value = 1, message = "须为正整数") @Schema(example = "2", minimum = "1", description = "Its weight among its sibling sub-tasks in the parent's rolled-up progress; unset counts as 1 (equal weights).") Integer weight) implements TaskWriteFields.Content {
}
