package cn.gov.zhuzhou.duban.common.persistence;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;
import org.hibernate.FlushMode;
import org.hibernate.Session;

/**
 * Runs a {@link ReadOnlyTransaction} method: joins the caller's transaction as it is, or begins one whose session is
 * read-only and never flushes. Ends as {@code @Transactional} would: commit on return, rollback on any exception.
 */
@ReadOnlyTransaction
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 200)
class ReadOnlyTransactionInterceptor {

    @Inject
    TransactionManager transactions;
    @Inject
    Session session;

    @AroundInvoke
    Object readOnly(InvocationContext invocation) throws Exception {
        if (transactions.getStatus() != Status.STATUS_NO_TRANSACTION) {
            return invocation.proceed();
        }
        transactions.begin();
        Object result;
        try {
            // the session is bound to this transaction and ends with it: nothing to restore afterwards
            session.setDefaultReadOnly(true);
            session.setHibernateFlushMode(FlushMode.MANUAL);
            result = invocation.proceed();
        } catch (Exception | Error e) {
            rollbackQuietly(e);
            throw e;
        }
        transactions.commit();
        return result;
    }

    private void rollbackQuietly(Throwable cause) {
        try {
            transactions.rollback();
        } catch (Exception e) {
            cause.addSuppressed(e);
        }
    }
}
