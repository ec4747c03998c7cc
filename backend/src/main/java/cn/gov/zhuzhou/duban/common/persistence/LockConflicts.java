package cn.gov.zhuzhou.duban.common.persistence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.PessimisticLockException;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.hibernate.exception.LockAcquisitionException;
import org.jboss.logging.Logger;

/**
 * Runs work that may safely be done again in a transaction of its own, and does it again when the database chose it
 * as the victim of a deadlock. InnoDB may pick any of two transactions inserting the same unique keys at once (MySQL
 * 8 does so where MariaDB 10.11 makes the second one wait: two reminder sweeps, issue 13's run against MySQL 8.0.31),
 * and the MySQL manual's advice is to be ready to re-issue such a transaction. Only for work whose second run does
 * exactly what the first would have (an insert-if-absent sweep), never for a user's edit, where the conflict is the
 * answer (409).
 */
public final class LockConflicts {

    private static final Logger LOG = Logger.getLogger(LockConflicts.class);
    /** SQLSTATE of a transaction rolled back by the server: deadlock (MySQL 1213) or serialization failure. */
    static final String ROLLED_BACK = "40001";

    private LockConflicts() {
    }

    /** {@code work} in a new transaction, at most {@code attempts} times while it loses a deadlock. */
    public static <T> T retrying(String what, int attempts, Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(work::get);
            } catch (RuntimeException e) {
                if (attempt >= attempts || !isLockConflict(e)) {
                    throw e;
                }
                LOG.infof("%s lost a lock conflict (attempt %d of %d); running it again", what, attempt, attempts);
            }
        }
    }

    /** Whether the failure, or anything that caused it, is the database giving up a transaction over locks. */
    static boolean isLockConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof LockAcquisitionException || t instanceof PessimisticLockException
                    || t instanceof SQLException sql && ROLLED_BACK.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
