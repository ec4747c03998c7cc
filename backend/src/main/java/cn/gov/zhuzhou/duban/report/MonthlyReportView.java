package cn.gov.zhuzhou.duban.report;

import cn.gov.zhuzhou.duban.common.audit.AuditView;
import cn.gov.zhuzhou.duban.plan.TaskRef;
import cn.gov.zhuzhou.duban.unit.UnitRef;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MonthlyReportView", requiredProperties = {"id", "unit", "month", "status", "dueDate", "late", "daysLate", "revision", "entries", "version", "audit"}, description = "A unit's monthly report (月报) on last month's work.")
public record MonthlyReportView(
        @Schema(readOnly = true, example = "7") Long id,
        UnitRef unit,
        @Schema(example = "2026-10", description = "The month reported on.") String month,
        @Schema(example = "SUBMITTED") ReportStatus status,
        @Schema(example = "2026-11-05", description = "The 5th of the following month (annex 2, rule 5).") LocalDate dueDate,
        @Schema(example = "2026-11-04T16:20:00+08:00") OffsetDateTime submittedAt,
        @Schema(example = "false", description = "Submitted after the due date, or still not submitted past it.") boolean late,
        @Schema(example = "0", description = "Days after the due date of the last submission.") int daysLate,
        @Schema(example = "1", description = "How many times it was submitted.") int revision,
        @Schema(example = "用地报批进度慢，需市自然资源和规划局协调") String problems,
        @Schema(example = "请补充第三季度项目资金到位情况") String returnReason,
        List<MonthlyReportEntryView> entries,
        @Schema(readOnly = true, example = "2") long version,
        @Schema(readOnly = true) AuditView audit) {

    static MonthlyReportView of(MonthlyReport r, List<MonthlyReportEntry> entries, Map<Long, TaskRef> tasks, LocalDate today) {
        boolean late = r.getStatus() == ReportStatus.SUBMITTED ? r.getDaysLate() > 0 : today.isAfter(r.getDueDate());
        return new MonthlyReportView(r.getId(), UnitRef.of(r.getUnit()), r.getMonth().toString(), r.getStatus(), r.getDueDate(),
                r.getSubmittedAt() == null ? null : r.getSubmittedAt().atZone(AuditView.ZONE).toOffsetDateTime(), late, r.getDaysLate(),
                r.getRevision(), r.getProblems(), r.getReturnReason(),
                entries.stream().map(e -> new MonthlyReportEntryView(tasks.get(e.getTaskId()), e.getWorkDone(), e.getProgressPercent(),
                        e.getTrack())).toList(), r.getVersion(), AuditView.of(r.getAudit()));
    }

    @Schema(name = "MonthlyReportEntryView", requiredProperties = {"task", "workDone", "progressPercent", "track"}, description = "One task in a monthly report.")
    public record MonthlyReportEntryView(TaskRef task,
            @Schema(example = "完成物流园区规划初稿并报市政府审议") String workDone,
            @Schema(example = "45") int progressPercent,
            @Schema(example = "ON_TRACK") Track track) {
    }
}
