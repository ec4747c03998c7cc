package cn.gov.zhuzhou.duban.dispatch;

import cn.gov.zhuzhou.duban.common.audit.Audit;
import cn.gov.zhuzhou.duban.common.audit.AuditListener;
import cn.gov.zhuzhou.duban.common.audit.Audited;
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

    void acknowledge(Instant at) {
        state = TicketItemState.ACKNOWLEDGED;
        acknowledgedAt = at;
    }

    void reportDone(String report) {
        state = TicketItemState.DONE_REPORTED;
        doneReport = report;
        returnReason = null;
    }

    void verify(Instant at) {
        state = TicketItemState.VERIFIED;
        verifiedAt = at;
    }

    void sendBack(String reason) {
        state = TicketItemState.RETURNED;
        returnReason = reason;
    }

    /** Past its deadline and not verified. */
    public boolean isOverdue(LocalDate today) {
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
