package cn.gov.zhuzhou.duban.unit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "UnitCreateRequest", description = "A new responsible unit.")
public record UnitCreateRequest(
        @NotBlank(message = "不能为空") @Size(max = 32, message = "不能超过 32 个字符")
        @Pattern(regexp = "[A-Z]{2}-[A-Z0-9-]+", message = "格式应为 城市代码-英文缩写，例如 ZZ-EDU")
        @Schema(example = "ZZ-HETANG", description = "Stable code: city code, dash, ASCII abbreviation.") String code,
        @NotBlank(message = "不能为空") @Size(max = 128, message = "不能超过 128 个字符")
        @Schema(example = "株洲市荷塘区人民政府") String name,
        @Size(max = 128, message = "不能超过 128 个字符") @Schema(example = "荷塘区政府") String shortName,
        @NotNull(message = "不能为空") @Schema(example = "COUNTY_GOVERNMENT") UnitKind kind,
        @NotBlank(message = "不能为空") @Pattern(regexp = "CS|ZZ|XT", message = "只能是 CS、ZZ 或 XT")
        @Schema(example = "ZZ", enumeration = {"CS", "ZZ", "XT"}) String cityCode) {
}
