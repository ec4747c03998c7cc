package cn.gov.zhuzhou.duban.problem;

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

/** One step in a problem's life: raised, classified, escalated (with the reason), closed when settled, reopened. */
@Entity
public class ProblemEvent {

    /** What happened. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ProblemEventKind")
    public enum Kind {
        RAISED,
        CLASSIFIED,
        ESCALATED,
        CLOSED,
        REOPENED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
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
    private String reason;
    private Instant at;
    private String actor;
    private String actorName;

    protected ProblemEvent() {
    }

    ProblemEvent(Problem problem, Kind kind, ProblemStatus fromStatus, CoordinationLevel fromLevel, String reason, Instant at,
            String actor, String actorName) {
        this.problem = problem;
        this.kind = kind;
        this.fromStatus = fromStatus;
        this.toStatus = problem.getStatus();
        this.fromLevel = fromLevel;
        this.toLevel = problem.getCoordinationLevel();
        this.reason = reason;
        this.at = at;
        this.actor = actor;
        this.actorName = actorName;
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
