package cn.gov.zhuzhou.duban.dispatch;

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

/** One state change of an assigned item: who, when, from, to, why. */
@Entity
public class TicketItemEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "item_id")
    private TicketItem item;
    @Enumerated(EnumType.STRING)
    private TicketItemState fromState;
    @Enumerated(EnumType.STRING)
    private TicketItemState toState;
    private String reason;
    private Instant at;
    private String actor;
    private String actorName;

    protected TicketItemEvent() {
    }

    TicketItemEvent(TicketItem item, TicketItemState from, String reason, Instant at, String actor, String actorName) {
        this.item = item;
        this.fromState = from;
        this.toState = item.getState();
        this.reason = reason;
        this.at = at;
        this.actor = actor;
        this.actorName = actorName;
    }

    public TicketItemState getFromState() {
        return fromState;
    }

    public TicketItemState getToState() {
        return toState;
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
