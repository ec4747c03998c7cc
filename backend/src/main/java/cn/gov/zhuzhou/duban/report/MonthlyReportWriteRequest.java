package cn.gov.zhuzhou.duban.report;

import cn.gov.zhuzhou.duban.common.time.Months;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The requests of the monthly report workflow. */
public final class MonthlyReportWriteRequest {

    private MonthlyReportWriteRequest() {
    }

    @Schema(name = "MonthlyReportEntryRequest", description = "One task in a monthly report.")
    public record Entry(
            @NotNull(message = "不能为空") @Schema(example = "14") Long taskId,
            @NotBlank(message = "不能为空") @Size(max = 5000, message = "不能超过 5000 个字符")
            @Schema(example = "完成物流园区规划初稿并报市政府审议") String workDone,
            @NotNull(message = "不能为空") @Min(value = 0, message = "须在 0 到 100 之间") @Max(value = 100, message = "须在 0 到 100 之间")
            @Schema(example = "45") Integer progressPercent,
            @NotNull(message = "不能为空") @Schema(example = "ON_TRACK") Track track) {
    }

    @Schema(name = "MonthlyReportCreateRequest", description = "A draft report of the caller's unit on an ended month.")
    public record Create(
            @NotBlank(message = "不能为空") @Pattern(regexp = Months.PATTERN, message = Months.MESSAGE)
            @Schema(example = "2026-10") String month,
            @NotNull(message = "不能为空") @Size(min = 1, message = "至少报告一项任务") List<@Valid @NotNull(message = "不能为空") Entry> entries,
            @Size(max = 5000, message = "不能超过 5000 个字符") @Schema(example = "用地报批进度慢，需市自然资源和规划局协调") String problems) {
    }

    @Schema(name = "MonthlyReportUpdateRequest", description = "New content of a draft or returned report.")
    public record Update(
            @NotNull(message = "不能为空") @Size(min = 1, message = "至少报告一项任务") List<@Valid @NotNull(message = "不能为空") Entry> entries,
            @Size(max = 5000, message = "不能超过 5000 个字符") @Schema(example = "用地报批进度慢，需市自然资源和规划局协调") String problems,
            @Schema(example = "0", deprecated = true, description = "Deprecated: send the ETag you read as If-Match instead, which every PUT requires and which wins over this field (it is not looked at when If-Match is sent). Accepted in this release only; removed in the next.") Long version) {
    }

    @Schema(name = "MonthlyReportSubmissionRequest", description = "Submit the report as it stands.")
    public record Submission(@NotNull(message = "不能为空") @Schema(example = "0", description = "The version you read.") Long version) {
    }

    @Schema(name = "MonthlyReportReturnRequest", description = "Send a submitted report back to its unit for revision.")
    public record Return(
            @NotBlank(message = "不能为空") @Size(max = 1000, message = "不能超过 1000 个字符")
            @Schema(example = "请补充第三季度项目资金到位情况") String reason,
            @NotNull(message = "不能为空") @Schema(example = "1", description = "The version you read.") Long version) {
    }
}
