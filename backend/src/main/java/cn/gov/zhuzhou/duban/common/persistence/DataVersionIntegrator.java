package cn.gov.zhuzhou.duban.common.persistence;

import io.quarkus.arc.Arc;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.PreparedStatement;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.jdbc.spi.JdbcCoordinator;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.AbstractCollectionEvent;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostCollectionRecreateEvent;
import org.hibernate.event.spi.PostCollectionRecreateEventListener;
import org.hibernate.event.spi.PostCollectionRemoveEvent;
import org.hibernate.event.spi.PostCollectionRemoveEventListener;
import org.hibernate.event.spi.PostCollectionUpdateEvent;
import org.hibernate.event.spi.PostCollectionUpdateEventListener;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.persister.entity.EntityPersister;

/**
 * Moves the {@link DataVersion} once per transaction that writes an entity (an insert, update or delete, or a change to
 * a collection of one), on that transaction's own connection as its last statement before it commits: the new number
 * and the change commit together or not at all (a rolled-back write leaves the number where it was; a bump that fails
 * fails the commit), and two writers queue on the one row only for the instant between their bump and their commit.
 * <p>
 * The bump is a JTA synchronization of the transaction (its before-completion runs after Hibernate's final flush, and
 * a write that flush finds still registers one), and the transaction's own resources note that it is registered:
 * nothing is left behind by a transaction that rolls back. (A Hibernate before-completion callback would be, and
 * Hibernate warns of it when the session closes: HHH90010101.) Registered with Hibernate through
 * META-INF/services/org.hibernate.integrator.spi.Integrator.
 */
public class DataVersionIntegrator implements Integrator {

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor sessionFactory) {
        EventListenerRegistry registry = sessionFactory.getEventListenerRegistry();
        Bump bump = new Bump();
        registry.appendListeners(EventType.POST_INSERT, bump);
        registry.appendListeners(EventType.POST_UPDATE, bump);
        registry.appendListeners(EventType.POST_DELETE, bump);
        registry.appendListeners(EventType.POST_COLLECTION_RECREATE, bump);
        registry.appendListeners(EventType.POST_COLLECTION_UPDATE, bump);
        registry.appendListeners(EventType.POST_COLLECTION_REMOVE, bump);
    }

    /** The listener: at the first write of a transaction, has the bump run just before it commits. */
    static final class Bump implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener,
            PostCollectionRecreateEventListener, PostCollectionUpdateEventListener, PostCollectionRemoveEventListener {

        /** The transaction resource that says its bump is registered. */
        private static final Object REGISTERED = Bump.class;

        private volatile TransactionSynchronizationRegistry transactions;

        @Override
        public void onPostInsert(PostInsertEvent event) {
            wrote(event.getSession(), event.getEntity().getClass());
        }

        @Override
        public void onPostUpdate(PostUpdateEvent event) {
            wrote(event.getSession(), event.getEntity().getClass());
        }

        @Override
        public void onPostDelete(PostDeleteEvent event) {
            wrote(event.getSession(), event.getEntity().getClass());
        }

        @Override
        public void onPostRecreateCollection(PostCollectionRecreateEvent event) {
            collection(event);
        }

        @Override
        public void onPostUpdateCollection(PostCollectionUpdateEvent event) {
            collection(event);
        }

        @Override
        public void onPostRemoveCollection(PostCollectionRemoveEvent event) {
            collection(event);
        }

        @Override
        public boolean requiresPostCommitHandling(EntityPersister persister) {
            return false;
        }

        private void collection(AbstractCollectionEvent event) {
            Object owner = event.getAffectedOwnerOrNull();
            wrote(event.getSession(), owner == null ? Object.class : owner.getClass());
        }

        private void wrote(SharedSessionContractImplementor session, Class<?> entity) {
            if (entity.isAnnotationPresent(OutsideDataVersion.class)) {
                return;
            }
            TransactionSynchronizationRegistry tx = transactions();
            if (tx.getResource(REGISTERED) != null) {
                return;
            }
            tx.putResource(REGISTERED, Boolean.TRUE);
            tx.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    bump(session);
                }

                @Override
                public void afterCompletion(int status) {
                }
            });
        }

        private TransactionSynchronizationRegistry transactions() {
            TransactionSynchronizationRegistry tx = transactions;
            if (tx == null) {
                tx = Arc.container().instance(TransactionSynchronizationRegistry.class).get();
                transactions = tx;
            }
            return tx;
        }

        private static void bump(SharedSessionContractImplementor session) {
            JdbcCoordinator jdbc = session.getJdbcCoordinator();
            PreparedStatement ps = jdbc.getStatementPreparer().prepareStatement(DataVersion.BUMP);
            try {
                jdbc.getResultSetReturn().executeUpdate(ps, DataVersion.BUMP);
            } finally {
                jdbc.getLogicalConnection().getResourceRegistry().release(ps);
                jdbc.afterStatementExecution();
                // Hibernate's own before-completion has already given its connection back (it runs first); this
                // statement took it again, so give it back as Hibernate would: the pool then sees no connection left
                // open at the commit (Agroal logged "Closing open connection(s) prior to commit" for every writing
                // transaction). The connection stays enlisted: the bump still commits or rolls back with the change.
                jdbc.getLogicalConnection().beforeTransactionCompletion();
            }
        }
    }
}
