package cn.gov.zhuzhou.duban.plan;

import cn.gov.zhuzhou.duban.common.audit.Audit;
import cn.gov.zhuzhou.duban.common.audit.AuditListener;
import cn.gov.zhuzhou.duban.common.audit.Audited;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.LocalDate;

/** A plan document (行动方案): title, issuer, document date and the period it covers. */
@Entity
@EntityListeners(AuditListener.class)
public class Plan implements Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private String title;
    private String issuer;
    private LocalDate documentDate;
    private LocalDate periodStart;
    private LocalDate periodEnd;
    private String summary;
    @Version
    private long version;
    @Embedded
    private Audit audit = new Audit();

    protected Plan() {
    }

    public Plan(String code) {
        this.code = code;
    }

    public void describe(String title, String issuer, LocalDate documentDate, LocalDate periodStart, LocalDate periodEnd,
            String summary) {
        this.title = title;
        this.issuer = issuer;
        this.documentDate = documentDate;
        this.periodStart = periodStart;
        this.periodEnd = periodEnd;
        this.summary = summary;
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

    public String getIssuer() {
        return issuer;
    }

    public LocalDate getDocumentDate() {
        return documentDate;
    }

    public LocalDate getPeriodStart() {
        return periodStart;
    }

    public LocalDate getPeriodEnd() {
        return periodEnd;
    }

    public String getSummary() {
        return summary;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public Audit getAudit() {
        return audit;
    }
}
