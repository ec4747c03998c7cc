package cn.gov.zhuzhou.duban.report;

import cn.gov.zhuzhou.duban.common.audit.AuditView;
import cn.gov.zhuzhou.duban.unit.UnitRef;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Read-only views of a report's past: its submitted versions, its state changes, and a month's roll call. */
public final class MonthlyReportHistoryViews {

    private MonthlyReportHistoryViews() {
    }

    @Schema(name = "MonthlyReportRevisionView", requiredProperties = {"revision", "snapshot", "submittedAt", "submittedBy", "daysLate"}, description = "A report as it was submitted.", readOnly = true)
    public record Revision(@Schema(example = "1") int revision,
            @Schema(description = "The submitted entries and problems, as they were.") Snapshot snapshot,
            @Schema(example = "2026-11-04T16:20:00+08:00") OffsetDateTime submittedAt,
            @Schema(example = "7c2e9b4a-3d6f-4a1e-8b5c-0f9d2e7a4c16", description = "Token subject of who submitted (a UUID from Keycloak).") String submittedBy,
            @Schema(example = "市教育局联络员", description = "Display name of who submitted.") String submittedByName,
            @Schema(example = "0") int daysLate) {

        static Revision of(MonthlyReportRevision v, Snapshot snapshot) {
            return new Revision(v.getRevision(), snapshot, v.getSubmittedAt().atZone(AuditView.ZONE).toOffsetDateTime(),
                    v.getSubmittedBy(), v.getSubmittedByName(), v.getDaysLate());
        }
    }

    @Schema(name = "MonthlyReportSnapshot", requiredProperties = {"entries"}, description = "What a submission contained.", readOnly = true)
    public record Snapshot(List<SnapshotEntry> entries,
            @Schema(example = "物流园区用地指标不足，需市级协调", description = "The difficulties reported, if any.") String problems) {
    }

    @Schema(name = "MonthlyReportSnapshotEntry", requiredProperties = {"taskId", "workDone", "progressPercent", "track"}, description = "One task's entry as submitted.", readOnly = true)
    public record SnapshotEntry(@Schema(example = "14") Long taskId, @Schema(example = "完成规划初稿") String workDone,
            @Schema(example = "45") int progressPercent, @Schema(example = "ON_TRACK") Track track) {
    }

    @Schema(name = "MonthlyReportEventView", requiredProperties = {"to", "at", "actor"}, description = "One state change of a report.", readOnly = true)
    public record Event(@Schema(example = "SUBMITTED") ReportStatus from, @Schema(example = "RETURNED") ReportStatus to,
            @Schema(example = "请补充第三季度项目资金到位情况") String reason,
            @Schema(example = "2026-11-06T09:00:00+08:00") OffsetDateTime at,
            @Schema(example = "3f6c2a9e-8b1d-4e7a-9c35-2d0f1b7a6e41", description = "Token subject of who acted (a UUID from Keycloak; \"system\" for the service's own work).") String actor,
            @Schema(example = "督办办公室", description = "Display name of who acted, as the token gave it (\"系统\" for the service's own work).") String actorName) {

        static Event of(MonthlyReportEvent e) {
            return new Event(e.getFromStatus(), e.getToStatus(), e.getReason(), e.getAt().atZone(AuditView.ZONE).toOffsetDateTime(),
                    e.getActor(), e.getActorName());
        }
    }

    /** Where a unit stands for a month. */
    public enum Standing {
        SUBMITTED_ON_TIME,
        SUBMITTED_LATE,
        NOT_SUBMITTED,
        MISSING
    }

    @Schema(name = "ReportingStandingView", requiredProperties = {"unit", "standing", "daysLate", "dueDate"}, description = "Where one reporting unit stands for a month.", readOnly = true)
    public record UnitStanding(UnitRef unit, @Schema(example = "SUBMITTED_LATE") Standing standing,
            @Schema(example = "7") Long reportId, @Schema(example = "SUBMITTED") ReportStatus status,
            @Schema(example = "2") int daysLate, @Schema(example = "2026-11-05") LocalDate dueDate) {
    }
}
