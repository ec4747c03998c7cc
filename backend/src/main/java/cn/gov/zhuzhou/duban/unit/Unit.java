package cn.gov.zhuzhou.duban.unit;

import cn.gov.zhuzhou.duban.common.audit.Audit;
import cn.gov.zhuzhou.duban.common.audit.AuditListener;
import cn.gov.zhuzhou.duban.common.audit.Audited;
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

/** A responsible unit (责任单位): a department, government, party office or park of one city. */
@Entity
@EntityListeners(AuditListener.class)
public class Unit implements Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private String name;
    private String shortName;
    @Enumerated(EnumType.STRING)
    private UnitKind kind;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "city_id")
    private City city;
    @Version
    private long version;
    @Embedded
    private Audit audit = new Audit();

    protected Unit() {
    }

    public Unit(String code, String name, String shortName, UnitKind kind, City city) {
        this.code = code;
        rename(name, shortName, kind);
        this.city = city;
    }

    public void rename(String name, String shortName, UnitKind kind) {
        this.name = name;
        this.shortName = shortName;
        this.kind = kind;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getShortName() {
        return shortName;
    }

    public UnitKind getKind() {
        return kind;
    }

    public City getCity() {
        return city;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public Audit getAudit() {
        return audit;
    }
}
