package cn.gov.zhuzhou.duban.report;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;

/** One state change of a report: who, when, from, to, why. */
@Entity
public class MonthlyReportEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "report_id")
    private MonthlyReport report;
    @Enumerated(EnumType.STRING)
    private ReportStatus fromStatus;
    @Enumerated(EnumType.STRING)
    private ReportStatus toStatus;
    private String reason;
    private Instant at;
    private String actor;
    private String actorName;

    protected MonthlyReportEvent() {
    }

    MonthlyReportEvent(MonthlyReport report, ReportStatus from, ReportStatus to, String reason, Instant at, String actor,
            String actorName) {
        this.report = report;
        this.fromStatus = from;
        this.toStatus = to;
        this.reason = reason;
        this.at = at;
        this.actor = actor;
        this.actorName = actorName;
    }

    public ReportStatus getFromStatus() {
        return fromStatus;
    }

    public ReportStatus getToStatus() {
        return toStatus;
    }

    public String getReason() {
        return reason;
    }

    public Instant getAt() {
        return at;
    }

    public String getActor() {
        return actor;
    }

    public String getActorName() {
        return actorName;
    }
}
