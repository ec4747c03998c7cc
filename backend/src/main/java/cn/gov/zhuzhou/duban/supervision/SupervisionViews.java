package cn.gov.zhuzhou.duban.supervision;

import cn.gov.zhuzhou.duban.common.audit.AuditView;
import cn.gov.zhuzhou.duban.dispatch.DispatchViews;
import cn.gov.zhuzhou.duban.unit.UnitRef;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and views of supervision (督查督办). */
public final class SupervisionViews {

    private SupervisionViews() {
    }

    @Schema(name = "SupervisionCaseView", requiredProperties = {"id", "reason", "status", "openedAt", "reportAddressedTo", "item", "actions", "version", "audit"}, description = "A supervision case on an assigned item, with its urgings and replies.")
    public record Case(
            @Schema(readOnly = true, example = "3") Long id,
            @Schema(example = "KEY") SupervisionCase.Reason reason,
            @Schema(example = "OPEN") SupervisionCase.Status status,
            @Schema(example = "2026-12-01T10:00:00+08:00") OffsetDateTime openedAt,
            @Schema(example = "2026-12-21T09:00:00+08:00") OffsetDateTime closedAt,
            @Schema(example = "经督办，市发改委已取得用地批复……", description = "The supervision report to the secretary and the mayor.") String report,
            @Schema(example = "书记、市长") String reportAddressedTo,
            DispatchViews.Item item,
            List<Action> actions,
            @Schema(readOnly = true, example = "2") long version,
            @Schema(readOnly = true) AuditView audit) {
    }

    @Schema(name = "SupervisionActionView", requiredProperties = {"kind", "content", "actedOn", "at", "actor"}, description = "An urging (催办) or a reply.", readOnly = true)
    public record Action(@Schema(example = "URGING") SupervisionAction.Kind kind, @Schema(example = "DOCUMENT") SupervisionAction.Means means,
            @Schema(example = "市发展和改革委员会主任") String toWhom, @Schema(example = "请于12月15日前报送用地批复") String content,
            @Schema(example = "2026-12-10") LocalDate actedOn, @Schema(example = "2026-12-10T09:00:00+08:00") OffsetDateTime at,
            @Schema(example = "9a4f2b6d-1c8e-4d3a-b7f5-6e0c2d8a1b94", description = "Token subject of who acted (a UUID from Keycloak; \"system\" for the service's own work).") String actor,
            @Schema(example = "市政府督查室", description = "Display name of who acted, as the token gave it (\"系统\" for the service's own work).") String actorName) {
    }

    @Schema(name = "SupervisionCaseEventView", requiredProperties = {"to", "reason", "at", "actor"}, description = "One status change of a case: opened, closed or reopened.", readOnly = true)
    public record Event(@Schema(example = "CLOSED") SupervisionCase.Status from, @Schema(example = "OPEN") SupervisionCase.Status to,
            @Schema(example = "交办事项被退回：批复文件未附") String reason, @Schema(example = "2026-12-21T09:00:00+08:00") OffsetDateTime at,
            @Schema(example = "3f6c2a9e-8b1d-4e7a-9c35-2d0f1b7a6e41", description = "Token subject of who acted (a UUID from Keycloak; \"system\" for the service's own work).") String actor,
            @Schema(example = "领导小组办公室", description = "Display name of who acted, as the token gave it (\"系统\" for the service's own work).") String actorName) {

        static Event of(SupervisionCaseEvent e) {
            return new Event(e.getFromStatus(), e.getToStatus(), e.getReason(), e.getAt().atZone(AuditView.ZONE).toOffsetDateTime(),
                    e.getActor(), e.getActorName());
        }
    }

    @Schema(name = "SupervisionCaseCreateRequest", description = "Open a case by hand on any assigned item.")
    public record Open(@NotNull(message = "不能为空") @Schema(example = "9") Long itemId) {
    }

    @Schema(name = "SupervisionUrgingRequest", description = "Record an urging (催办): date, means, to whom.")
    public record Urging(
            @NotNull(message = "不能为空") @Schema(example = "DOCUMENT") SupervisionAction.Means means,
            @NotBlank(message = "不能为空") @Size(max = 255, message = "不能超过 255 个字符") @Schema(example = "市发展和改革委员会主任") String toWhom,
            @NotBlank(message = "不能为空") @Size(max = 5000, message = "不能超过 5000 个字符") @Schema(example = "请于12月15日前报送用地批复") String content,
            @NotNull(message = "不能为空") @Schema(example = "2026-12-10", description = "The day of the urging: not after today (Asia/Shanghai), not before the case opened.")
            LocalDate actedOn) {
    }

    @Schema(name = "SupervisionReplyRequest", description = "The lead unit's reply to the supervision office.")
    public record Reply(
            @NotBlank(message = "不能为空") @Size(max = 5000, message = "不能超过 5000 个字符") @Schema(example = "已报省厅，预计12月18日批复") String content) {
    }

    @Schema(name = "SupervisionReportRequest", description = "The supervision report to the secretary and the mayor.")
    public record Report(
            @NotBlank(message = "不能为空") @Size(max = 20000, message = "不能超过 20000 个字符") @Schema(example = "经督办，市发改委已取得用地批复……") String report,
            @NotNull(message = "不能为空") @Schema(example = "1", description = "The version you read.") Long version) {
    }

    @Schema(name = "SupervisionRoundView", requiredProperties = {"quarter", "openCases", "lateUnits"}, description = "The quarterly supervision round (main text 三.(三)): open cases and late units.")
    public record Round(@Schema(example = "2026-Q4") String quarter, List<Case> openCases,
            @Schema(description = "Units with overdue items, or late or missing monthly reports in the quarter.") List<LateUnit> lateUnits) {
    }

    @Schema(name = "LateUnitView", requiredProperties = {"unit", "overdueItems", "lateReportMonths"}, description = "A unit that is late, and why.")
    public record LateUnit(UnitRef unit, @Schema(example = "2") int overdueItems,
            @Schema(example = "[\"2026-10\"]", description = "Months whose report was late or is missing.") List<String> lateReportMonths) {
    }
}
