package cn.gov.zhuzhou.duban.dispatch;

import cn.gov.zhuzhou.duban.common.audit.HistoryEntry;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;

/** One state change of an assigned item: who, when, from, to, why. */
@Entity
public class TicketItemEvent extends HistoryEntry {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "item_id")
    private TicketItem item;
    @Enumerated(EnumType.STRING)
    private TicketItemState fromState;
    @Enumerated(EnumType.STRING)
    private TicketItemState toState;

    protected TicketItemEvent() {
    }

    TicketItemEvent(TicketItem item, TicketItemState from, String reason, Instant at, String actor, String actorName) {
        super(reason, at, actor, actorName);
        this.item = item;
        this.fromState = from;
        this.toState = item.getState();
    }

    public TicketItemState getFromState() {
        return fromState;
    }

    public TicketItemState getToState() {
        return toState;
    }
}
