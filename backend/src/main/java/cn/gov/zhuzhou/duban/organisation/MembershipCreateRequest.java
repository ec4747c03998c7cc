package cn.gov.zhuzhou.duban.organisation;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MembershipCreateRequest", description = "Seat a post in a group.")
public record MembershipCreateRequest(
        @NotNull(message = "不能为空") @Schema(example = "3") Long positionId,
        @NotNull(message = "不能为空") @Schema(example = "MEMBER") MembershipRole role) {
}
