package cn.gov.zhuzhou.duban.dispatch;

import cn.gov.zhuzhou.duban.common.audit.Audit;
import cn.gov.zhuzhou.duban.common.audit.AuditListener;
import cn.gov.zhuzhou.duban.common.audit.Audited;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.time.LocalDate;

/** An assignment ticket (交办单) a session produced, numbered per year without gaps (交办〔2026〕7号). */
@Entity
@EntityListeners(AuditListener.class)
public class AssignmentTicket implements Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "session_id")
    private DispatchSession session;
    @Column(name = "ticket_year")
    private int year;
    private int seq;
    private String number;
    private LocalDate issuedOn;
    @Version
    private long version;
    @Embedded
    private Audit audit = new Audit();

    protected AssignmentTicket() {
    }

    AssignmentTicket(DispatchSession session, int year, int seq, String number, LocalDate issuedOn) {
        this.session = session;
        this.year = year;
        this.seq = seq;
        this.number = number;
        this.issuedOn = issuedOn;
    }

    public Long getId() {
        return id;
    }

    public DispatchSession getSession() {
        return session;
    }

    public int getYear() {
        return year;
    }

    public int getSeq() {
        return seq;
    }

    public String getNumber() {
        return number;
    }

    public LocalDate getIssuedOn() {
        return issuedOn;
    }

    @Override
    public Audit getAudit() {
        return audit;
    }
}
