package cn.gov.zhuzhou.duban.dispatch;

import cn.gov.zhuzhou.duban.common.time.Months;
import cn.gov.zhuzhou.duban.problem.SessionLevel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The requests of dispatch sessions and their tickets. */
public final class SessionRequests {

    private SessionRequests() {
    }

    @Schema(name = "DispatchSessionCreateRequest", description = "Plan a dispatch session.")
    public record Create(
            @NotNull(message = "不能为空") @Schema(example = "REGULAR") SessionType type,
            @NotNull(message = "不能为空") @Schema(example = "MEETING") SessionForm form,
            @NotNull(message = "不能为空") @Schema(example = "OFFICE") SessionLevel level,
            @NotBlank(message = "不能为空") @Size(max = 255, message = "不能超过 255 个字符") @Schema(example = "2026年11月长株潭一体化工作调度会") String title,
            @NotNull(message = "不能为空") @Schema(example = "3", description = "The chairing post; its holder on the day chairs.") Long chairPositionId,
            @NotNull(message = "不能为空") @Schema(example = "2026-11-28") LocalDate heldOn,
            @Size(max = 255, message = "不能超过 255 个字符") @Schema(example = "市发改委三楼会议室") String place,
            @Schema(example = "[12, 13]") List<@NotNull(message = "不能为空") Long> participantUnitIds,
            @Schema(example = "[14]") List<@NotNull(message = "不能为空") Long> agendaTaskIds,
            @Schema(example = "[5]") List<@NotNull(message = "不能为空") Long> agendaProblemIds) {
    }

    @Schema(name = "DispatchSessionUpdateRequest", description = "Re-plan a planned session: the whole plan, as read and changed "
            + "(the type, and a regular session's month and called units, stay).")
    public record Update(
            @NotNull(message = "不能为空") @Schema(example = "ON_SITE") SessionForm form,
            @NotNull(message = "不能为空") @Schema(example = "OFFICE") SessionLevel level,
            @NotBlank(message = "不能为空") @Size(max = 255, message = "不能超过 255 个字符") @Schema(example = "2026年12月长株潭一体化工作例行调度会") String title,
            @NotNull(message = "不能为空") @Schema(example = "3", description = "The chairing post; its holder on the day chairs.") Long chairPositionId,
            @NotNull(message = "不能为空") @Schema(example = "2026-12-11") LocalDate heldOn,
            @Size(max = 255, message = "不能超过 255 个字符") @Schema(example = "株洲物流园现场") String place,
            @Schema(example = "[12, 13]") List<@NotNull(message = "不能为空") Long> participantUnitIds,
            @Schema(example = "[14]") List<@NotNull(message = "不能为空") Long> agendaTaskIds,
            @Schema(example = "[5]") List<@NotNull(message = "不能为空") Long> agendaProblemIds,
            @Schema(example = "0", deprecated = true, description = "Deprecated: send the ETag you read as If-Match instead, which every PUT requires and which wins over this field (it is not looked at when If-Match is sent). Accepted in this release only; removed in the next.") Long version) {
    }

    @Schema(name = "DispatchSessionCancellationRequest", description = "Call off a planned session that has issued no ticket.")
    public record Cancellation(
            @NotBlank(message = "不能为空") @Size(max = 1000, message = "不能超过 1000 个字符") @Schema(example = "与市委常委会时间冲突，改期另行通知")
            String reason,
            @NotNull(message = "不能为空") @Schema(example = "0", description = "The version you read.") Long version) {
    }

    @Schema(name = "DispatchSessionMinutesRequest", description = "The session's minutes (会议纪要).")
    public record Minutes(
            @NotBlank(message = "不能为空") @Size(max = 20000, message = "不能超过 20000 个字符")
            @Schema(example = "会议听取了各牵头单位工作进展汇报，议定事项如下……") String minutes,
            @Schema(example = "0", deprecated = true, description = "Deprecated: send the ETag you read as If-Match instead, which every PUT requires and which wins over this field (it is not looked at when If-Match is sent). Accepted in this release only; removed in the next.") Long version) {
    }

    @Schema(name = "DispatchSessionClosingRequest", description = "Close the session: it must have minutes, a ticket, or both.")
    public record Closing(@NotNull(message = "不能为空") @Schema(example = "1", description = "The version you read.") Long version) {
    }

    @Schema(name = "TicketItemRequest", description = "One problem assigned to a lead unit with a deadline.")
    public record Item(
            @NotNull(message = "不能为空") @Schema(example = "5") Long problemId,
            @NotNull(message = "不能为空") @Schema(example = "12") Long leadUnitId,
            @Schema(example = "[13]") List<@NotNull(message = "不能为空") Long> cooperatingUnitIds,
            @NotNull(message = "不能为空") @Schema(example = "2026-12-31", description = "A day, today or later.") LocalDate deadline,
            @Schema(example = "true", description = "重点交办: opens a supervision case.") boolean key,
            @NotBlank(message = "不能为空") @Size(max = 2000, message = "不能超过 2000 个字符")
            @Schema(example = "12月底前完成用地报批") String requirement) {
    }

    @Schema(name = "AssignmentTicketCreateRequest", description = "Issue an assignment ticket from a session.")
    public record Ticket(
            @NotNull(message = "不能为空") @Size(min = 1, message = "至少一项交办事项") List<@Valid @NotNull(message = "不能为空") Item> items) {
    }

    @Schema(name = "RegularSessionRequest", description = "Plan the office's regular session of a month now (the schedule does it from the 6th).")
    public record Regular(
            @NotNull(message = "不能为空") @Pattern(regexp = Months.PATTERN, message = Months.MESSAGE)
            @Schema(example = "2026-12", description = "The month, this one or an earlier one (yyyy-MM).") String month) {
    }

    @Schema(name = "TicketItemTransitionRequest", description = "Move an assigned item on: sign for it, report it done, verify it, return it.")
    public record Transition(
            @Size(max = 5000, message = "不能超过 5000 个字符")
            @Schema(example = "已完成用地报批，批复文号株政函〔2026〕12号", description = "Completion report (required to report done; at most "
                    + "5000 characters) or reason (required to return; at most 1000).") String text,
            @NotNull(message = "不能为空") @Schema(example = "0", description = "The version you read.") Long version) {
    }
}
