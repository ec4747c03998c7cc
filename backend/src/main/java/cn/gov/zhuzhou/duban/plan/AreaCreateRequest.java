package cn.gov.zhuzhou.duban.plan;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AreaCreateRequest", description = "A new area (专项) of a plan.")
public record AreaCreateRequest(
        @NotBlank(message = "不能为空") @Size(max = 32, message = "不能超过 32 个字符")
        @Pattern(regexp = "[A-Z0-9-]+", message = "只能包含大写字母、数字和连字符") @Schema(example = "A7") String code,
        @NotBlank(message = "不能为空") @Size(max = 64, message = "不能超过 64 个字符") @Schema(example = "开放合作") String name,
        @Min(value = 1, message = "须大于 0") @Schema(example = "7", description = "Position in the plan; defaults to last.") Integer sortOrder) {
}
