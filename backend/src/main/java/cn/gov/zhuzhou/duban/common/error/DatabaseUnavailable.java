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
 * <p>
 * A pool time-out with every connection lent out (Agroal's "Sorry, acquisition timeout!") is not an outage but an
 * overload ({@link #isPoolExhausted}); a time-out while a new connection was being opened
 * ("Acquisition timeout while waiting for new connection") is the database not answering.
 */
final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    /** Agroal's message when every connection stayed lent out for the whole acquisition time-out. */
    static final String POOL_EXHAUSTED = "Sorry, acquisition timeout!";

    static boolean isCause(Throwable failure) {
        return anyInChain(failure, DatabaseUnavailable::isConnectionFailure);
    }

    /**
     * The pool stayed full for its acquisition time-out (whatever Hibernate wrapped it in): every connection was busy
     * with other work, so the database answers; the health check, which has its own headroom, says whether it does.
     */
    static boolean isPoolExhausted(Throwable failure) {
        return anyInChain(failure, t -> t instanceof SQLException sql && POOL_EXHAUSTED.equals(sql.getMessage()));
    }

    private static boolean anyInChain(Throwable failure, java.util.function.Predicate<Throwable> test) {
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
            if (test.test(t)) {
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
            if (message != null && message.startsWith("Acquisition timeout while waiting for new connection")) {
                return true;
            }
        }
        return false;
    }
}
