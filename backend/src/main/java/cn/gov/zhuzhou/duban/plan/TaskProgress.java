package cn.gov.zhuzhou.duban.plan;

import cn.gov.zhuzhou.duban.unit.City;
import cn.gov.zhuzhou.duban.unit.Unit;
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

/** One progress report on a task; the task's history of progress is the list of these. */
@Entity
public class TaskProgress {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "task_id")
    private Task task;
    @Enumerated(EnumType.STRING)
    private TaskStatus status;
    private int progressPercent;
    private String note;
    @Enumerated(EnumType.STRING)
    private ProgressSource source;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "unit_id")
    private Unit unit;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "city_id")
    private City city;
    private Instant reportedAt;
    /** The day the report describes: a month report's last day of the month, a direct report's day. */
    private java.time.LocalDate asOf;
    private String reportedBy;
    private String reportedByName;

    protected TaskProgress() {
    }

    TaskProgress(Task task, TaskStatus status, int progressPercent, String note, ProgressSource source, Unit unit, City city,
            Instant reportedAt, java.time.LocalDate asOf, String reportedBy, String reportedByName) {
        this.asOf = asOf;
        this.task = task;
        this.status = status;
        this.progressPercent = progressPercent;
        this.note = note;
        this.source = source;
        this.unit = unit;
        this.city = city;
        this.reportedAt = reportedAt;
        this.reportedBy = reportedBy;
        this.reportedByName = reportedByName;
    }

    public Long getId() {
        return id;
    }

    public Task getTask() {
        return task;
    }

    public TaskStatus getStatus() {
        return status;
    }

    public int getProgressPercent() {
        return progressPercent;
    }

    public String getNote() {
        return note;
    }

    public ProgressSource getSource() {
        return source;
    }

    public Unit getUnit() {
        return unit;
    }

    public City getCity() {
        return city;
    }

    public Instant getReportedAt() {
        return reportedAt;
    }

    public java.time.LocalDate getAsOf() {
        return asOf;
    }

    public String getReportedBy() {
        return reportedBy;
    }

    public String getReportedByName() {
        return reportedByName;
    }
}
