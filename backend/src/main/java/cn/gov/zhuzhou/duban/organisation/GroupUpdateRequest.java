package cn.gov.zhuzhou.duban.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "GroupUpdateRequest", description = "New description of a group; code and kind never change.")
public record GroupUpdateRequest(
        @NotBlank(message = "不能为空") @Size(max = 128, message = "不能超过 128 个字符") @Schema(example = "城际公交工作组") String name,
        @Schema(example = "1") Long parentId,
        @Schema(example = "12") Long hostUnitId,
        @Schema(example = "9") Long taskId,
        @Size(max = 1000, message = "不能超过 1000 个字符") @Schema(example = "负责城际公交建设的统筹协调。") String duties,
        @Schema(example = "0", deprecated = true, description = "Deprecated: send the ETag you read as If-Match instead, which every PUT requires and which wins over this field (it is not looked at when If-Match is sent). Accepted in this release only; removed in the next.") Long version) {
}
