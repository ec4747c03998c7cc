package cn.gov.zhuzhou.duban.organisation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PositionHandoverRequest", description = "Hand a post to a successor: name an existing person or a new one.")
public record PositionHandoverRequest(
        @Schema(example = "7", description = "The successor, if already registered.") Long successorId,
        @Size(max = 64, message = "不能超过 64 个字符")
        @Schema(example = "李明", description = "The successor's name, to register a new person.") String successorName,
        @NotNull(message = "不能为空") @Schema(example = "2026-12-01", description = "First day in the post.") LocalDate effectiveOn,
        @Size(max = 500, message = "不能超过 500 个字符") @Schema(example = "工作调动，自然递补") String note,
        @NotNull(message = "不能为空") @Schema(example = "0", description = "The version you read.") Long version) {
}
