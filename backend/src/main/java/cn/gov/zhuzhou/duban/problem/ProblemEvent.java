package cn.gov.zhuzhou.duban.problem;

import cn.gov.zhuzhou.duban.common.audit.HistoryEntry;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;

/** One step in a problem's life: raised, revised by a resubmitted report, classified, escalated (with the reason), closed when settled, reopened. */
@Entity
public class ProblemEvent extends HistoryEntry {

    /** What happened. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ProblemEventKind")
    public enum Kind {
        RAISED,
        CLASSIFIED,
        ESCALATED,
        CLOSED,
        REOPENED,
        /** its report was resubmitted after a return, with new text */
        REVISED
    }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "problem_id")
    private Problem problem;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    @Enumerated(EnumType.STRING)
    private ProblemStatus fromStatus;
    @Enumerated(EnumType.STRING)
    private ProblemStatus toStatus;
    @Enumerated(EnumType.STRING)
    private CoordinationLevel fromLevel;
    @Enumerated(EnumType.STRING)
    private CoordinationLevel toLevel;

    protected ProblemEvent() {
    }

    ProblemEvent(Problem problem, Kind kind, ProblemStatus fromStatus, CoordinationLevel fromLevel, String reason, Instant at,
            String actor, String actorName) {
        super(reason, at, actor, actorName);
        this.problem = problem;
        this.kind = kind;
        this.fromStatus = fromStatus;
        this.toStatus = problem.getStatus();
        this.fromLevel = fromLevel;
        this.toLevel = problem.getCoordinationLevel();
    }

    public Kind getKind() {
        return kind;
    }

    public ProblemStatus getFromStatus() {
        return fromStatus;
    }

    public ProblemStatus getToStatus() {
        return toStatus;
    }

    public CoordinationLevel getFromLevel() {
        return fromLevel;
    }

    public CoordinationLevel getToLevel() {
        return toLevel;
    }
}
