package cn.gov.zhuzhou.duban.common.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/** Who created and last changed a record, and when; filled by {@link AuditListener}, never by a request. */
@Embeddable
public class Audit {

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_by_name", updatable = false)
    private String createdByName;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    @Column(name = "updated_by_name")
    private String updatedByName;

    void touchCreated(Instant at, String by, String byName) {
        createdAt = at;
        createdBy = by;
        createdByName = byName;
        touchUpdated(at, by, byName);
    }

    void touchUpdated(Instant at, String by, String byName) {
        updatedAt = at;
        updatedBy = by;
        updatedByName = byName;
    }

    public String getCreatedByName() {
        return createdByName;
    }

    public String getUpdatedByName() {
        return updatedByName;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }
}
