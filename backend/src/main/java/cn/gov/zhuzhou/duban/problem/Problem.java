package cn.gov.zhuzhou.duban.problem;

import cn.gov.zhuzhou.duban.common.audit.Audit;
import cn.gov.zhuzhou.duban.common.audit.AuditListener;
import cn.gov.zhuzhou.duban.common.audit.Audited;
import cn.gov.zhuzhou.duban.common.error.IllegalTransitionException;
import cn.gov.zhuzhou.duban.common.error.InvalidRequestException;
import cn.gov.zhuzhou.duban.unit.Unit;
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
import jakarta.persistence.Version;

/** A problem or difficulty (问题和困难) raised on a task, classified by the office (annex 2, rule 7). */
@Entity
@EntityListeners(AuditListener.class)
public class Problem implements Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    /** The task, by id: tasks live in the plan feature. */
    @Column(name = "task_id")
    private Long taskId;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "raised_by_unit_id")
    private Unit raisedBy;
    @Enumerated(EnumType.STRING)
    private ProblemSource source;
    private Long sourceRef;
    /** The report whose difficulties this is, for a problem raised by a submission: unique, one problem per report. */
    private Long sourceReportId;
    private String description;
    @Enumerated(EnumType.STRING)
    private ProblemStatus status = ProblemStatus.OPEN;
    @Enumerated(EnumType.STRING)
    private ProblemCategory category;
    @Enumerated(EnumType.STRING)
    private CoordinationLevel coordinationLevel;
    @Version
    private long version;
    @Embedded
    private Audit audit = new Audit();

    protected Problem() {
    }

    Problem(Long taskId, Unit raisedBy, ProblemSource source, Long sourceRef, String description) {
        this.taskId = taskId;
        this.raisedBy = raisedBy;
        this.source = source;
        this.sourceRef = sourceRef;
        this.description = description;
    }

    /** The problem of a submitted report's difficulties. */
    static Problem fromReport(Long taskId, Unit raisedBy, long reportId, String description) {
        Problem p = new Problem(taskId, raisedBy, ProblemSource.REPORT, reportId, description);
        p.sourceReportId = reportId;
        return p;
    }

    /**
     * A resubmitted report restates its difficulties: the text follows, and so does the task while the office has not
     * classified the problem yet. Returns whether anything changed.
     */
    boolean reviseFromReport(Long taskId, String description) {
        boolean changed = !this.description.equals(description) || (status == ProblemStatus.OPEN && !this.taskId.equals(taskId));
        this.description = description;
        if (status == ProblemStatus.OPEN) {
            this.taskId = taskId;
        }
        return changed;
    }

    /** Annex 2, rule 7: the office classifies (or re-classifies) a problem that is not settled. */
    void classify(ProblemCategory category, CoordinationLevel level) {
        if (status == ProblemStatus.CLOSED) {
            throw new IllegalTransitionException("问题", id, status, "分类");
        }
        this.category = category;
        this.coordinationLevel = level;
        this.status = ProblemStatus.CLASSIFIED;
    }

    /** Escalation needs a classified problem and goes up only. */
    void escalate(CoordinationLevel level) {
        if (status != ProblemStatus.CLASSIFIED) {
            throw new IllegalTransitionException("问题", id, status, "升级（须先分类）");
        }
        if (level.ordinal() <= coordinationLevel.ordinal()) {
            throw new InvalidRequestException("coordinationLevel", "只能升级到高于 " + coordinationLevel + " 的层级");
        }
        this.coordinationLevel = level;
    }

    /** Settled once every item on it is verified; false (nothing changes) unless it was classified and waiting. */
    boolean settle() {
        if (status != ProblemStatus.CLASSIFIED) {
            return false;
        }
        this.status = ProblemStatus.CLOSED;
        return true;
    }

    /** A settled problem whose item is returned is unsettled again: classified, waiting on its items; false if not settled. */
    boolean reopen() {
        if (status != ProblemStatus.CLOSED) {
            return false;
        }
        this.status = ProblemStatus.CLASSIFIED;
        return true;
    }

    /** Annex 2, rule 7: only a classified problem is assigned on a ticket. */
    void checkAssignable(String field) {
        if (status != ProblemStatus.CLASSIFIED) {
            throw new InvalidRequestException(field, "问题 " + id + " 须先由办公室分类（当前 " + status + "）");
        }
    }

    public Long getId() {
        return id;
    }

    public Long getTaskId() {
        return taskId;
    }

    public Unit getRaisedBy() {
        return raisedBy;
    }

    public ProblemSource getSource() {
        return source;
    }

    public Long getSourceRef() {
        return sourceRef;
    }

    public String getDescription() {
        return description;
    }

    public ProblemStatus getStatus() {
        return status;
    }

    public ProblemCategory getCategory() {
        return category;
    }

    public CoordinationLevel getCoordinationLevel() {
        return coordinationLevel;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public Audit getAudit() {
        return audit;
    }
}
