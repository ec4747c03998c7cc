package cn.gov.zhuzhou.duban.plan;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PlanUpdateRequest", description = "New description of a plan; the code never changes.")
public record PlanUpdateRequest(
        @NotBlank(message = "不能为空") @Size(max = 255, message = "不能超过 255 个字符")
        @Schema(example = "长株潭城市群一体化发展株洲市行动方案") String title,
        @Size(max = 255, message = "不能超过 255 个字符") @Schema(example = "中共株洲市委办公室、株洲市人民政府办公室") String issuer,
        @Schema(example = "2019-03-20") LocalDate documentDate,
        @Schema(example = "2019-03-20") LocalDate periodStart,
        @Schema(example = "2022-12-31") LocalDate periodEnd,
        @Size(max = 5000, message = "不能超过 5000 个字符") @Schema(example = "力争在2019年底前……") String summary,
        @Schema(example = "0", deprecated = true, description = "Deprecated: send the ETag you read as If-Match instead, which every PUT requires and which wins over this field (it is not looked at when If-Match is sent). Accepted in this release only; removed in the next.") Long version) {
}
