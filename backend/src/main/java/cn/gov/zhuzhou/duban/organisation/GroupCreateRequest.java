package cn.gov.zhuzhou.duban.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "GroupCreateRequest", description = "A new group.")
public record GroupCreateRequest(
        @NotBlank(message = "不能为空") @Size(max = 32, message = "不能超过 32 个字符")
        @Pattern(regexp = "[A-Z0-9-]+", message = "只能包含大写字母、数字和连字符") @Schema(example = "WG5") String code,
        @NotBlank(message = "不能为空") @Size(max = 128, message = "不能超过 128 个字符") @Schema(example = "城际公交工作组") String name,
        @NotNull(message = "不能为空") @Schema(example = "WORKING_GROUP") GroupKind kind,
        @Schema(example = "1") Long parentId,
        @Schema(example = "12") Long hostUnitId,
        @Schema(example = "9") Long taskId,
        @Size(max = 1000, message = "不能超过 1000 个字符") @Schema(example = "负责城际公交建设的统筹协调。") String duties) {
}
