package cn.gov.zhuzhou.duban.plan;

import cn.gov.zhuzhou.duban.common.audit.AuditView;
import cn.gov.zhuzhou.duban.unit.UnitRef;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TaskProgressView", requiredProperties = {"id", "status", "progressPercent", "source", "reportedAt", "reportedBy"}, description = "One progress report in a task's history.", readOnly = true)
public record TaskProgressView(
        @Schema(example = "7") Long id,
        @Schema(example = "IN_PROGRESS") TaskStatus status,
        @Schema(example = "60") int progressPercent,
        @Schema(example = "完成可行性研究报告评审") String note,
        @Schema(example = "UNIT") ProgressSource source,
        @Schema(description = "The reporting unit, for a unit report.") UnitRef unit,
        @Schema(example = "CS", description = "The reporting city, for a partner report.") String cityCode,
        @Schema(example = "2026-11-28T10:15:00+08:00") OffsetDateTime reportedAt,
        @Schema(example = "1b7c9e1e-5f0a-4c1e-9d2a-3f4e5a6b7c8d", description = "Token subject of who reported (a UUID from Keycloak).") String reportedBy,
        @Schema(example = "市教育局联络员", description = "Display name of who reported.") String reportedByName) {

    static TaskProgressView of(TaskProgress p) {
        return new TaskProgressView(p.getId(), p.getStatus(), p.getProgressPercent(), p.getNote(), p.getSource(),
                UnitRef.of(p.getUnit()), p.getCity() == null ? null : p.getCity().getCode(),
                p.getReportedAt().atZone(AuditView.ZONE).toOffsetDateTime(), p.getReportedBy(), p.getReportedByName());
    }
}
