package cn.gov.zhuzhou.duban.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PositionCreateRequest", description = "A new post, optionally with its first holder.")
public record PositionCreateRequest(
        @NotBlank(message = "不能为空") @Size(max = 255, message = "不能超过 255 个字符") @Schema(example = "市教育局副局长") String title,
        @Schema(example = "12", description = "Unit the post belongs to.") Long unitId,
        @Schema(example = "7", description = "First holder (a person id), if the post is filled.") Long holderId,
        @Schema(example = "2026-11-01", description = "Since when the first holder holds it.") LocalDate holderSince) {
}
