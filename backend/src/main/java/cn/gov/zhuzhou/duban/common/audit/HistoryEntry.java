package cn.gov.zhuzhou.duban.common.audit;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * What every state-change history row keeps (reports, problems, items, supervision cases): who, when and why; each
 * subclass adds what it belongs to and the from/to of its own state machine.
 */
@MappedSuperclass
public abstract class HistoryEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String reason;
    private Instant at;
    private String actor;
    private String actorName;

    protected HistoryEntry() {
    }

    protected HistoryEntry(String reason, Instant at, String actor, String actorName) {
        this.reason = reason;
        this.at = at;
        this.actor = actor;
        this.actorName = actorName;
    }

    public Long getId() {
        return id;
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
