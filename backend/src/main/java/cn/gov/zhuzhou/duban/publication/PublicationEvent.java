package cn.gov.zhuzhou.duban.publication;

import cn.gov.zhuzhou.duban.common.audit.HistoryEntry;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;

/** One step of a publication (generated, prose edited, published, correction asked, superseded): who, when, from, to, why. */
@Entity
public class PublicationEvent extends HistoryEntry {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "publication_id")
    private Publication publication;
    @Enumerated(EnumType.STRING)
    private PublicationStatus fromStatus;
    @Enumerated(EnumType.STRING)
    private PublicationStatus toStatus;

    protected PublicationEvent() {
    }

    PublicationEvent(Publication publication, PublicationStatus from, String reason, Instant at, String actor, String actorName) {
        super(reason, at, actor, actorName);
        this.publication = publication;
        this.fromStatus = from;
        this.toStatus = publication.getStatus();
    }

    public PublicationStatus getFromStatus() {
        return fromStatus;
    }

    public PublicationStatus getToStatus() {
        return toStatus;
    }
}
