package cn.gov.zhuzhou.duban.organisation;

import cn.gov.zhuzhou.duban.common.audit.Audit;
import cn.gov.zhuzhou.duban.common.audit.AuditListener;
import cn.gov.zhuzhou.duban.common.audit.Audited;
import cn.gov.zhuzhou.duban.unit.Unit;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;

/**
 * A post (职务). Group memberships are held by the post, not by the person: annex 1, "由对应任职人员自然递补" —
 * when the holder changes, the successor inherits every membership without a new document.
 */
@Entity
@Table(name = "job_position")
@EntityListeners(AuditListener.class)
public class Position implements Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private String title;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "unit_id")
    private Unit unit;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "holder_id")
    private Person holder;
    private LocalDate holderSince;
    @Version
    private long version;
    @Embedded
    private Audit audit = new Audit();

    protected Position() {
    }

    public Position(String code, String title, Unit unit) {
        this.code = code;
        describe(title, unit);
    }

    public void describe(String title, Unit unit) {
        this.title = title;
        this.unit = unit;
    }

    /** Seats a new holder; the caller keeps the tenure history. */
    void seat(Person person, LocalDate since) {
        this.holder = person;
        this.holderSince = since;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getTitle() {
        return title;
    }

    public Unit getUnit() {
        return unit;
    }

    public Person getHolder() {
        return holder;
    }

    public LocalDate getHolderSince() {
        return holderSince;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public Audit getAudit() {
        return audit;
    }
}
