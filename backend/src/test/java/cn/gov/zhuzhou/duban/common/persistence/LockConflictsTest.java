package cn.gov.zhuzhou.duban.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.LockAcquisitionException;
import org.junit.jupiter.api.Test;

/** Which failures are a deadlock the sweep may run again after, and which are answers to keep. */
class LockConflictsTest {

    @Test
    void aDeadlockIsALockConflictHoweverDeeplyItIsWrapped() {
        SQLException deadlock = new SQLTransactionRollbackException("Deadlock found when trying to get lock", "40001", 1213);
        assertThat(LockConflicts.isLockConflict(deadlock)).isTrue();
        assertThat(LockConflicts.isLockConflict(new RuntimeException(new PersistenceException(deadlock)))).isTrue();
        assertThat(LockConflicts.isLockConflict(new LockAcquisitionException("could not execute statement", deadlock))).isTrue();
        assertThat(LockConflicts.isLockConflict(new PessimisticLockException("lock wait"))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        SQLException duplicate = new SQLException("Duplicate entry", "23000", 1062);
        assertThat(LockConflicts.isLockConflict(new ConstraintViolationException("duplicate", duplicate, "uk"))).isFalse();
        assertThat(LockConflicts.isLockConflict(new IllegalStateException("未设置领导小组办公室主任职务"))).isFalse();
        assertThat(LockConflicts.isLockConflict(new SQLException("Communications link failure", "08S01"))).isFalse();
    }
}
