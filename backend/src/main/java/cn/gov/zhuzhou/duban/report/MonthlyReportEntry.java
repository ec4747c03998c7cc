package cn.gov.zhuzhou.duban.report;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** One task in a unit's monthly report: what was done, percent complete, and how it stands. */
@Entity
public class MonthlyReportEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "report_id")
    private MonthlyReport report;
    /** The task, by id: tasks live in the plan feature. */
    @Column(name = "task_id")
    private Long taskId;
    private String workDone;
    private int progressPercent;
    @Enumerated(EnumType.STRING)
    private Track track;
    private int sortOrder;

    protected MonthlyReportEntry() {
    }

    MonthlyReportEntry(MonthlyReport report, Long taskId, String workDone, int progressPercent, Track track, int sortOrder) {
        this.report = report;
        this.taskId = taskId;
        this.workDone = workDone;
        this.progressPercent = progressPercent;
        this.track = track;
        this.sortOrder = sortOrder;
    }

    void rewrite(String workDone, int progressPercent, Track track, int sortOrder) {
        this.workDone = workDone;
        this.progressPercent = progressPercent;
        this.track = track;
        this.sortOrder = sortOrder;
    }

    MonthlyReport report() {
        return report;
    }

    public Long getTaskId() {
        return taskId;
    }

    public String getWorkDone() {
        return workDone;
    }

    public int getProgressPercent() {
        return progressPercent;
    }

    public Track getTrack() {
        return track;
    }

    public int getSortOrder() {
        return sortOrder;
    }
}
