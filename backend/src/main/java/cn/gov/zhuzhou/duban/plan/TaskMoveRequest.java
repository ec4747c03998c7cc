package cn.gov.zhuzhou.duban.plan;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TaskMoveRequest", description = "Move a task under another parent of the same plan, or to the top (parentId null).")
public record TaskMoveRequest(
        @Schema(example = "9", nullable = true, description = "New parent; null (or absent) moves the task to the top level.")
        Long parentId,
        @NotNull(message = "不能为空") @Schema(example = "0", description = "The version you read.") Long version) {
}
