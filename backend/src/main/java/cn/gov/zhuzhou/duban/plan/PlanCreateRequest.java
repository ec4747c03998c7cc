package cn.gov.zhuzhou.duban.plan;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PlanCreateRequest", description = "A new plan document.")
public record PlanCreateRequest(
        @NotBlank(message = "不能为空") @Size(max = 32, message = "不能超过 32 个字符")
        @Pattern(regexp = "[A-Z0-9-]+", message = "只能包含大写字母、数字和连字符") @Schema(example = "ZZ-CZT-2026") String code,
        @NotBlank(message = "不能为空") @Size(max = 255, message = "不能超过 255 个字符")
        @Schema(example = "长株潭城市群一体化发展株洲市2026年工作要点") String title,
        @Size(max = 255, message = "不能超过 255 个字符") @Schema(example = "株洲市人民政府办公室") String issuer,
        @Schema(example = "2026-02-01") LocalDate documentDate,
        @Schema(example = "2026-01-01") LocalDate periodStart,
        @Schema(example = "2026-12-31") LocalDate periodEnd,
        @Size(max = 5000, message = "不能超过 5000 个字符") @Schema(example = "全年目标……") String summary) {
}
