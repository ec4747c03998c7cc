package cn.gov.zhuzhou.duban.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PersonCreateRequest", description = "A new person.")
public record PersonCreateRequest(
        @NotBlank(message = "不能为空") @Size(max = 64, message = "不能超过 64 个字符") @Schema(example = "李明") String name) {
}
