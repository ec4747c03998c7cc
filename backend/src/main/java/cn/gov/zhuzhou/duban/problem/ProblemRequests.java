package cn.gov.zhuzhou.duban.problem;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The requests of the problem workflow. */
public final class ProblemRequests {

    private ProblemRequests() {
    }

    @Schema(name = "ProblemCreateRequest", description = "Raise a problem on a task.")
    public record Create(
            @NotNull(message = "不能为空") @Schema(example = "14") Long taskId,
            @NotBlank(message = "不能为空") @Size(max = 5000, message = "不能超过 5000 个字符")
            @Schema(example = "物流园区用地指标不足，需省里统筹") String description,
            @Schema(example = "OFFICE", description = "Optional: the source follows from who raises the problem (REPORT for a liaison, "
                    + "OFFICE or SESSION for the office, LEADER_INSTRUCTION for a leader, SUPERVISION for a supervisor); left out, the "
                    + "caller's own is taken (OFFICE for the office). A source the caller's role cannot claim is refused with 403.")
            ProblemSource source,
            @Schema(example = "12", description = "The unit that raised it: required for everyone but a liaison, whose own unit it is "
                    + "(a liaison naming another unit is refused with 403).")
            Long raisedByUnitId) {
    }

    @Schema(name = "ProblemClassificationRequest", description = "The office classifies a problem (annex 2, rule 7).")
    public record Classification(
            @NotNull(message = "不能为空") @Schema(example = "LAND") ProblemCategory category,
            @NotNull(message = "不能为空") @Schema(example = "DEPARTMENTS_OF_THREE_CITIES") CoordinationLevel coordinationLevel,
            @NotNull(message = "不能为空") @Schema(example = "0", description = "The version you read.") Long version) {
    }

    @Schema(name = "ProblemEscalationRequest", description = "Raise a classified problem to a higher coordination level, with the reason.")
    public record Escalation(
            @NotNull(message = "不能为空") @Schema(example = "CITY_LEVEL_OF_THREE_CITIES") CoordinationLevel coordinationLevel,
            @NotBlank(message = "不能为空") @Size(max = 1000, message = "不能超过 1000 个字符")
            @Schema(example = "三市部门协调未果，需市级层面协调") String reason,
            @NotNull(message = "不能为空") @Schema(example = "1", description = "The version you read.") Long version) {
    }
}
