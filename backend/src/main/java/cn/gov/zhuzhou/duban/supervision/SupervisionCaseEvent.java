package cn.gov.zhuzhou.duban.supervision;

import cn.gov.zhuzhou.duban.common.audit.HistoryEntry;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;

/** One status change of a supervision case (opened, closed, reopened): who, when, from, to, why. */
@Entity
public class SupervisionCaseEvent extends HistoryEntry {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "case_id")
    private SupervisionCase supervisionCase;
    @Enumerated(EnumType.STRING)
    private SupervisionCase.Status fromStatus;
    @Enumerated(EnumType.STRING)
    private SupervisionCase.Status toStatus;

    protected SupervisionCaseEvent() {
    }

    SupervisionCaseEvent(SupervisionCase supervisionCase, SupervisionCase.Status from, String reason, Instant at, String actor,
            String actorName) {
        super(reason, at, actor, actorName);
        this.supervisionCase = supervisionCase;
        this.fromStatus = from;
        this.toStatus = supervisionCase.getStatus();
    }

    public SupervisionCase.Status getFromStatus() {
        return fromStatus;
    }

    public SupervisionCase.Status getToStatus() {
        return toStatus;
    }
}
