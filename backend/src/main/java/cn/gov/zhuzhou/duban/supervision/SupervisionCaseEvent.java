package cn.gov.zhuzhou.duban.supervision;

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

/** One status change of a supervision case (opened, closed, reopened): who, when, from, to, why. */
@Entity
public class SupervisionCaseEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "case_id")
    private SupervisionCase supervisionCase;
    @Enumerated(EnumType.STRING)
    private SupervisionCase.Status fromStatus;
    @Enumerated(EnumType.STRING)
    private SupervisionCase.Status toStatus;
    private String reason;
    private Instant at;
    private String actor;
    private String actorName;

    protected SupervisionCaseEvent() {
    }

    SupervisionCaseEvent(SupervisionCase supervisionCase, SupervisionCase.Status from, String reason, Instant at, String actor,
            String actorName) {
        this.supervisionCase = supervisionCase;
        this.fromStatus = from;
        this.toStatus = supervisionCase.getStatus();
        this.reason = reason;
        this.at = at;
        this.actor = actor;
        this.actorName = actorName;
    }

    public SupervisionCase.Status getFromStatus() {
        return fromStatus;
    }

    public SupervisionCase.Status getToStatus() {
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
