package cn.gov.zhuzhou.duban.common.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The records' version: one number in the database ({@code data_version}, changeset 41) that every transaction that
 * writes an entity moves by one, as its last statement before it commits ({@link DataVersionIntegrator}). A reader that
 * sees the same number as before knows no change has been committed since, by this instance or any other of the
 * cluster: what lets a heavy page give its last answer again (common/admission/CachedRead, issue 11).
 * <p>
 * Writes through native SQL do not move it: they are the bookkeeping of the outbox, the webhooks, idempotency keys and
 * notifications, which no kept answer reads. Entities marked {@link OutsideDataVersion} do not either.
 */
@ApplicationScoped
public class DataVersion {

    /** The bump, run on the writing transaction's connection just before it commits. */
    static final String BUMP = "update data_version set version = version + 1 where id = 1";

    private final EntityManager em;

    DataVersion(EntityManager em) {
        this.em = em;
    }

    /** The version committed now (one primary-key read). */
    @ReadOnlyTransaction
    public long current() {
        long[] version = {-1};
        JdbcRows.each(em, "select version from data_version where id = 1", rs -> version[0] = rs.getLong(1));
        if (version[0] < 0) {
            throw new IllegalStateException("data_version has no row: changeset 41 inserts it");
        }
        return version[0];
    }
}
