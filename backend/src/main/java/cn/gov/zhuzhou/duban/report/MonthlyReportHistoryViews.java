package cn.gov.zhuzhou.duban.report;

import cn.gov.zhuzhou.duban.common.audit.AuditView;
import cn.gov.zhuzhou.duban.unit.UnitRef;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Read-only views of a report's past: its submitted versions, its state changes, and a month's roll call. */
public final class MonthlyReportHistoryViews {

    private MonthlyReportHistoryViews() {
    }

    @Schema(name = "MonthlyReportRevisionView", requiredProperties = {"revision", "snapshot", "submittedAt", "submittedBy", "daysLate"}, description = "A report as it was submitted.", readOnly = true)
    public record Revision(@Schema(example = "1") int revision,
            @Schema(description = "The submitted entries and problems, as JSON text.",
                    example = "{\"entries\":[{\"taskId\":14,\"workDone\":\"完成规划初稿\",\"progressPercent\":45,\"track\":\"ON_TRACK\"}],\"problems\":null}")
            String snapshot,
            @Schema(example = "2026-11-04T16:20:00+08:00") OffsetDateTime submittedAt,
            @Schema(example = "liaison-edu") String submittedBy,
            @Schema(example = "市教育局联络员") String submittedByName,
            @Schema(example = "0") int daysLate) {

        static Revision of(MonthlyReportRevision v) {
            return new Revision(v.getRevision(), v.getSnapshot(), v.getSubmittedAt().atZone(AuditView.ZONE).toOffsetDateTime(),
                    v.getSubmittedBy(), v.getSubmittedByName(), v.getDaysLate());
        }
    }

    @Schema(name = "MonthlyReportEventView", requiredProperties = {"to", "at", "actor"}, description = "One state change of a report.", readOnly = true)
    public record Event(@Schema(example = "SUBMITTED") ReportStatus from, @Schema(example = "RETURNED") ReportStatus to,
            @Schema(example = "请补充第三季度项目资金到位情况") String reason,
            @Schema(example = "2026-11-06T09:00:00+08:00") OffsetDateTime at,
            @Schema(example = "office") String actor, @Schema(example = "督办办公室") String actorName) {

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
