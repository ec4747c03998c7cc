package cn.gov.zhuzhou.duban.unit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "UnitUpdateRequest", description = "New name and kind of a unit; the code and city never change.")
public record UnitUpdateRequest(
        @NotBlank(message = "不能为空") @Size(max = 128, message = "不能超过 128 个字符")
        @Schema(example = "株洲市荷塘区人民政府") String name,
        @Size(max = 128, message = "不能超过 128 个字符") @Schema(example = "荷塘区政府") String shortName,
        @NotNull(message = "不能为空") @Schema(example = "COUNTY_GOVERNMENT") UnitKind kind,
        @Schema(example = "0", deprecated = true, description = "Deprecated: send the ETag you read as If-Match instead, which every PUT requires and which wins over this field (it is not looked at when If-Match is sent). Accepted in this release only; removed in the next.") Long version) {
}
