package cn.gov.zhuzhou.duban.plan;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TaskProgressRequest", description = "A progress report on a task, by the office, a responsible unit or the partner city that leads it.")
public record TaskProgressRequest(
        @NotNull(message = "不能为空") @Schema(example = "IN_PROGRESS") TaskStatus status,
        @NotNull(message = "不能为空") @Min(value = 0, message = "须在 0 到 100 之间") @Max(value = 100, message = "须在 0 到 100 之间")
        @Schema(example = "60") Integer progressPercent,
        @Size(max = 2000, message = "不能超过 2000 个字符") @Schema(example = "完成可行性研究报告评审") String note,
        @NotNull(message = "不能为空") @Schema(example = "3", description = "The task version you read.") Long version) {
}
