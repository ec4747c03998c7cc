package cn.gov.zhuzhou.duban.report;

import java.time.LocalDate;
import java.time.YearMonth;

/** A task's latest reported line: the entry of the latest month's report submitted by a day. */
public record TaskReportLine(long taskId, long unitId, long reportId, YearMonth month, String workDone, int progressPercent,
        Track track, LocalDate submittedOn) {
}
