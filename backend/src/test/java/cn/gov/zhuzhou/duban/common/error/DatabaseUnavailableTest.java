package cn.gov.zhuzhou.duban.common.error;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The "database unavailable" classifier, as plain JUnit: every way the connection failure can be wrapped. */
class DatabaseUnavailableTest {

    private static SQLException connectionLost() {
        return new SQLException("Communications link failure", "08S01");
    }

    @Test
    void aConnectionLostAtCommitArrivesAsASuppressedExceptionOfTheRollback() {
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(new IllegalStateException("commit failed", connectionLost()));
        RuntimeException wrapped = new RuntimeException("jakarta.transaction.RollbackException", rollback);

        assertTrue(DatabaseUnavailable.isCause(wrapped));
    }

    @Test
    void aConnectionFailureInTheCauseChainCounts() {
        assertTrue(DatabaseUnavailable.isCause(new RuntimeException(new IllegalStateException(connectionLost()))));
    }

    @Test
    void aChainedNextSqlExceptionCounts() {
        SQLException batch = new SQLException("batch failed", "HY000");
        batch.setNextException(connectionLost());
        assertTrue(DatabaseUnavailable.isCause(batch));
    }

    @Test
    void otherFailuresAreNotAnOutage() {
        RollbackException rollback = new RollbackException("ARJUNA016053");
        rollback.addSuppressed(new SQLException("Duplicate entry", "23000"));
        assertFalse(DatabaseUnavailable.isCause(rollback));
        assertFalse(DatabaseUnavailable.isCause(null));
    }

    @Test
    void aSelfSuppressingCycleEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.addSuppressed(b);
        assertFalse(DatabaseUnavailable.isCause(a));
    }
}
