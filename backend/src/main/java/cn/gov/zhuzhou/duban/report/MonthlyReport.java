package cn.gov.zhuzhou.duban.report;

import cn.gov.zhuzhou.duban.common.audit.Audit;
import cn.gov.zhuzhou.duban.common.audit.AuditListener;
import cn.gov.zhuzhou.duban.common.audit.Audited;
import cn.gov.zhuzhou.duban.common.error.IllegalTransitionException;
import cn.gov.zhuzhou.duban.unit.Unit;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** A unit's monthly report (月报) on last month's work: an entry per task, and its problems and difficulties. */
@Entity
@EntityListeners(AuditListener.class)
public class MonthlyReport implements Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "unit_id")
    private Unit unit;
    @Column(name = "report_month")
    private String month;
    @Enumerated(EnumType.STRING)
    private ReportStatus status = ReportStatus.DRAFT;
    private LocalDate dueDate;
    private Instant submittedAt;
    private int daysLate;
    private int revision;
    private String problems;
    private String returnReason;
    @OneToMany(mappedBy = "report", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("sortOrder")
    private List<MonthlyReportEntry> entries = new ArrayList<>();
    @Version
    private long version;
    @Embedded
    private Audit audit = new Audit();

    protected MonthlyReport() {
    }

    MonthlyReport(Unit unit, YearMonth month) {
        this.unit = unit;
        this.month = month.toString();
        this.dueDate = ReportingCalendar.dueDate(month);
    }

    /**
     * A draft's content, while the report is a draft or returned. Entries are reconciled in place, so a task kept from
     * the last version keeps its row (a task appears once per report).
     */
    void write(List<EntrySpec> specs, String problems) {
        requireEditable("修改（已报送的月报只能经退回后修改）");
        entries.removeIf(e -> specs.stream().noneMatch(s -> s.taskId().equals(e.getTaskId())));
        int order = 1;
        for (EntrySpec spec : specs) {
            int position = order++;
            entries.stream().filter(e -> e.getTaskId().equals(spec.taskId())).findFirst().ifPresentOrElse(
                    kept -> kept.rewrite(spec.workDone(), spec.progressPercent(), spec.track(), position),
                    () -> entries.add(new MonthlyReportEntry(this, spec.taskId(), spec.workDone(), spec.progressPercent(), spec.track(),
                            position)));
        }
        entries.sort(java.util.Comparator.comparingInt(MonthlyReportEntry::getSortOrder));
        this.problems = problems;
    }

    /** Submitted (again, after a return); late by whole days after the 5th. */
    void submit(Instant at, LocalDate on) {
        requireEditable("再次报送");
        status = ReportStatus.SUBMITTED;
        submittedAt = at;
        daysLate = ReportingCalendar.daysLate(YearMonth.parse(month), on);
        revision++;
        returnReason = null;
    }

    /** The office returns a submitted report for revision, with the reason. */
    void sendBack(String reason) {
        if (status != ReportStatus.SUBMITTED) {
            throw new IllegalTransitionException("月报", id, status, "退回（只能退回已报送的月报）");
        }
        status = ReportStatus.RETURNED;
        returnReason = reason;
    }

    /** Only a draft or a returned report may be edited or submitted; a submitted one changes only through a return. */
    private void requireEditable(String action) {
        if (status != ReportStatus.DRAFT && status != ReportStatus.RETURNED) {
            throw new IllegalTransitionException("月报", id, status, action);
        }
    }

    /** One entry as a request or a snapshot gives it. */
    record EntrySpec(Long taskId, String workDone, int progressPercent, Track track) {
    }

    public Long getId() {
        return id;
    }

    public Unit getUnit() {
        return unit;
    }

    public YearMonth getMonth() {
        return YearMonth.parse(month);
    }

    public ReportStatus getStatus() {
        return status;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public int getDaysLate() {
        return daysLate;
    }

    public int getRevision() {
        return revision;
    }

    public String getProblems() {
        return problems;
    }

    public String getReturnReason() {
        return returnReason;
    }

    public List<MonthlyReportEntry> getEntries() {
        return entries;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public Audit getAudit() {
        return audit;
    }
}
