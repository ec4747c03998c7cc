package cn.gov.zhuzhou.duban.supervision;

import cn.gov.zhuzhou.duban.common.audit.Audit;
import cn.gov.zhuzhou.duban.common.audit.AuditListener;
import cn.gov.zhuzhou.duban.common.audit.Audited;
import cn.gov.zhuzhou.duban.common.error.InvalidRequestException;
import cn.gov.zhuzhou.duban.common.time.ClockProducer;
import cn.gov.zhuzhou.duban.common.error.IllegalTransitionException;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A supervision case (督查督办) on one assigned item: annex 2, rule 9 — key items and late items go to the party and
 * government supervision offices, which track and urge them and report to the secretary and the mayor.
 */
@Entity
@EntityListeners(AuditListener.class)
public class SupervisionCase implements Audited {

    /** Why the case was opened. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "SupervisionCaseReason")
    public enum Reason {
        KEY,
        OVERDUE,
        MANUAL
    }

    /** OPEN while the item is not verified. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "SupervisionCaseStatus")
    public enum Status {
        OPEN,
        CLOSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "item_id")
    private Long itemId;
    @Enumerated(EnumType.STRING)
    private Reason reason;
    @Enumerated(EnumType.STRING)
    private Status status = Status.OPEN;
    private Instant openedAt;
    private Instant closedAt;
    private String report;
    @Version
    private long version;
    @Embedded
    private Audit audit = new Audit();

    protected SupervisionCase() {
    }

    SupervisionCase(Long itemId, Reason reason, Instant at) {
        this.itemId = itemId;
        this.reason = reason;
        this.openedAt = at;
    }

    /** Closed when its item is verified; only an open case. */
    void close(Instant at) {
        requireOpen("结案");
        status = Status.CLOSED;
        closedAt = at;
    }

    /** Reopened when its verified item is returned; only a closed case. */
    void reopen() {
        if (status != Status.CLOSED) {
            throw new IllegalTransitionException("督办案件", id, status, "重新立案");
        }
        status = Status.OPEN;
        closedAt = null;
    }

    /**
     * The date a client gives for an action on this case (an urging) lies between the day the case opened and today,
     * both in Asia/Shanghai: a date in the future would defeat the minimum interval between urgings.
     */
    void requireActionDate(String field, LocalDate on, LocalDate today) {
        LocalDate opened = openedAt.atZone(ClockProducer.ZONE).toLocalDate();
        if (on.isAfter(today)) {
            throw new InvalidRequestException(field, "日期不能晚于今天（" + today + "）");
        }
        if (on.isBefore(opened)) {
            throw new InvalidRequestException(field, "日期不能早于立案日期（" + opened + "）");
        }
    }

    /** Urgings and replies go on an open case only; a refused step names the current state. */
    void requireOpen(String action) {
        if (status != Status.OPEN) {
            throw new IllegalTransitionException("督办案件", id, status, action);
        }
    }

    void writeReport(String report) {
        this.report = report;
    }

    public Long getId() {
        return id;
    }

    public Long getItemId() {
        return itemId;
    }

    public Reason getReason() {
        return reason;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getReport() {
        return report;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public Audit getAudit() {
        return audit;
    }
}
