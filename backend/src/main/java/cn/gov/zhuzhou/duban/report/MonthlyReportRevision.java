package cn.gov.zhuzhou.duban.report;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;

/** The text of a report as it was submitted, kept for every submission. */
@Entity
public class MonthlyReportRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "report_id")
    private MonthlyReport report;
    private int revision;
    /** JSON of the submitted entries and problems. */
    private String snapshot;
    private Instant submittedAt;
    private String submittedBy;
    private String submittedByName;
    private int daysLate;

    protected MonthlyReportRevision() {
    }

    MonthlyReportRevision(MonthlyReport report, String snapshot, String by, String byName) {
        this.report = report;
        this.revision = report.getRevision();
        this.snapshot = snapshot;
        this.submittedAt = report.getSubmittedAt();
        this.submittedBy = by;
        this.submittedByName = byName;
        this.daysLate = report.getDaysLate();
    }

    public int getRevision() {
        return revision;
    }

    public String getSnapshot() {
        return snapshot;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public String getSubmittedByName() {
        return submittedByName;
    }

    public int getDaysLate() {
        return daysLate;
    }
}
