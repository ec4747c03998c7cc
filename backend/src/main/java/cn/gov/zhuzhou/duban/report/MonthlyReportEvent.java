package cn.gov.zhuzhou.duban.report;

import cn.gov.zhuzhou.duban.common.audit.HistoryEntry;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;

/** One state change of a report: who, when, from, to, why. */
@Entity
public class MonthlyReportEvent extends HistoryEntry {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "report_id")
    private MonthlyReport report;
    @Enumerated(EnumType.STRING)
    private ReportStatus fromStatus;
    @Enumerated(EnumType.STRING)
    private ReportStatus toStatus;

    protected MonthlyReportEvent() {
    }

    MonthlyReportEvent(MonthlyReport report, ReportStatus from, ReportStatus to, String reason, Instant at, String actor,
            String actorName) {
        super(reason, at, actor, actorName);
        this.report = report;
        this.fromStatus = from;
        this.toStatus = to;
    }

    public ReportStatus getFromStatus() {
        return fromStatus;
    }

    public ReportStatus getToStatus() {
        return toStatus;
    }
}
