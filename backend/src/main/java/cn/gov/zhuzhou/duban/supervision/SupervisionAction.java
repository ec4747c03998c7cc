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
import java.time.LocalDate;

/** An urging (催办) by the supervisor, or the unit's reply, on a case. */
@Entity
public class SupervisionAction {

    /** Urging by the supervision office, or the unit's reply. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "SupervisionActionKind")
    public enum Kind {
        URGING,
        REPLY
    }

    /** How the unit was urged. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "UrgingMeans")
    public enum Means {
        PHONE,
        DOCUMENT,
        ON_SITE,
        MEETING,
        PLATFORM
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "case_id")
    private SupervisionCase supervisionCase;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    @Enumerated(EnumType.STRING)
    private Means means;
    private String toWhom;
    private String content;
    private LocalDate actedOn;
    private Instant at;
    private String actor;
    private String actorName;

    protected SupervisionAction() {
    }

    SupervisionAction(SupervisionCase c, Kind kind, Means means, String toWhom, String content, LocalDate actedOn, Instant at,
            String actor, String actorName) {
        this.supervisionCase = c;
        this.kind = kind;
        this.means = means;
        this.toWhom = toWhom;
        this.content = content;
        this.actedOn = actedOn;
        this.at = at;
        this.actor = actor;
        this.actorName = actorName;
    }

    Long caseId() {
        return supervisionCase.getId();
    }

    public Kind getKind() {
        return kind;
    }

    public Means getMeans() {
        return means;
    }

    public String getToWhom() {
        return toWhom;
    }

    public String getContent() {
        return content;
    }

    public LocalDate getActedOn() {
        return actedOn;
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
