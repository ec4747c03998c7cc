package cn.gov.zhuzhou.duban.common.error;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Recognises, anywhere in a failure's causes and suppressed exceptions, the failures that mean "the database cannot
 * be reached". A connection lost at COMMIT arrives as a suppressed exception of the transaction manager's
 * RollbackException (ARJUNA016053), not as its cause, so both links are followed.
 */
final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    static boolean isCause(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> todo = new ArrayDeque<>();
        if (failure != null) {
            todo.add(failure);
        }
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (isConnectionFailure(t)) {
                return true;
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                todo.add(sql.getNextException());
            }
            Collections.addAll(todo, t.getSuppressed());
        }
        return false;
    }

    private static boolean isConnectionFailure(Throwable t) {
        if (t instanceof SQLTransientConnectionException
                || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLRecoverableException
                || t instanceof ConnectException
                || t instanceof org.hibernate.exception.JDBCConnectionException) {
            return true;
        }
        String name = t.getClass().getName();
        if (name.endsWith("CommunicationsException")) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null && state.startsWith("08")) {
                return true;
            }
            String message = sql.getMessage();
            if (message != null && message.contains("acquisition timeout")) {
                return true;
            }
        }
        return false;
    }
}
