package cn.gov.zhuzhou.duban.dispatch;

import cn.gov.zhuzhou.duban.common.audit.Audit;
import cn.gov.zhuzhou.duban.common.audit.AuditListener;
import cn.gov.zhuzhou.duban.common.audit.Audited;
import cn.gov.zhuzhou.duban.common.error.IllegalTransitionException;
import cn.gov.zhuzhou.duban.unit.Unit;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

/** One problem assigned to a lead unit (and any cooperating units) with a deadline (交办事项); key items are 重点交办. */
@Entity
@EntityListeners(AuditListener.class)
public class TicketItem implements Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "ticket_id")
    private AssignmentTicket ticket;
    @Column(name = "problem_id")
    private Long problemId;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "lead_unit_id")
    private Unit leadUnit;
    @ElementCollection
    @CollectionTable(name = "ticket_item_cooperating_unit", joinColumns = @JoinColumn(name = "item_id"))
    @Column(name = "unit_id")
    private Set<Long> cooperatingUnitIds = new LinkedHashSet<>();
    private LocalDate deadline;
    @Column(name = "key_item")
    private boolean key;
    private String requirement;
    @Enumerated(EnumType.STRING)
    private TicketItemState state = TicketItemState.ISSUED;
    private Instant issuedAt;
    private Instant acknowledgedAt;
    private String doneReport;
    private Instant verifiedAt;
    private String returnReason;
    @Version
    private long version;
    @Embedded
    private Audit audit = new Audit();

    protected TicketItem() {
    }

    TicketItem(AssignmentTicket ticket, Long problemId, Unit leadUnit, Set<Long> cooperating, LocalDate deadline, boolean key,
            String requirement, Instant issuedAt) {
        this.ticket = ticket;
        this.problemId = problemId;
        this.leadUnit = leadUnit;
        this.cooperatingUnitIds.addAll(cooperating);
        this.deadline = deadline;
        this.key = key;
        this.requirement = requirement;
        this.issuedAt = issuedAt;
    }

    /** 签收 by the lead unit; only an issued item. */
    void acknowledge(Instant at) {
        moveTo(TicketItemState.ACKNOWLEDGED, "签收");
        acknowledgedAt = at;
    }

    /** 办结 reported, with the completion report; after signing for it, or again after a return. */
    void reportDone(String report) {
        moveTo(TicketItemState.DONE_REPORTED, "报告办结");
        doneReport = report;
        returnReason = null;
    }

    /** The office verifies a reported item. */
    void verify(Instant at) {
        moveTo(TicketItemState.VERIFIED, "核验办结");
        verifiedAt = at;
    }

    /** The office returns a reported (or verified but not really done) item, with the reason. */
    void sendBack(String reason) {
        moveTo(TicketItemState.RETURNED, "退回");
        returnReason = reason;
    }

    /** Annex 2, rule 7: the one place the item's steps are checked; a refused step names the current state. */
    private void moveTo(TicketItemState next, String action) {
        if (!state.canMoveTo(next)) {
            throw new IllegalTransitionException("交办事项", id, state, action);
        }
        state = next;
    }

    /** Past its deadline and not verified. */
    public boolean isOverdue(LocalDate today) {
        return overdue(state, deadline, today);
    }

    /** The rule of {@link #isOverdue}, for rows read without the entity. */
    static boolean overdue(TicketItemState state, LocalDate deadline, LocalDate today) {
        return state != TicketItemState.VERIFIED && today.isAfter(deadline);
    }

    public Long getId() {
        return id;
    }

    public AssignmentTicket getTicket() {
        return ticket;
    }

    public Long getProblemId() {
        return problemId;
    }

    public Unit getLeadUnit() {
        return leadUnit;
    }

    public Set<Long> getCooperatingUnitIds() {
        return cooperatingUnitIds;
    }

    public LocalDate getDeadline() {
        return deadline;
    }

    public boolean isKey() {
        return key;
    }

    public String getRequirement() {
        return requirement;
    }

    public TicketItemState getState() {
        return state;
    }

    public Instant getIssuedAt() {
        return issuedAt;
    }

    public Instant getAcknowledgedAt() {
        return acknowledgedAt;
    }

    public String getDoneReport() {
        return doneReport;
    }

    public Instant getVerifiedAt() {
        return verifiedAt;
    }

    public String getReturnReason() {
        return returnReason;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public Audit getAudit() {
        return audit;
    }
}
