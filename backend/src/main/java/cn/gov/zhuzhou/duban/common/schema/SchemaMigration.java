package cn.gov.zhuzhou.duban.common.schema;

import io.agroal.api.AgroalDataSource;
import io.quarkus.liquibase.LiquibaseFactory;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import liquibase.Liquibase;
import org.jboss.logging.Logger;

/**
 * Brings the schema up to date at start, before anything else runs (the seed, the scheduler), one instance at a time.
 * Liquibase's own lock is not safe on an empty schema: two instances starting together both "acquire" it while its
 * lock table is being created, and the second fails on tables the first has just made (liquibase/liquibase#2315).
 * So the update runs under a server-side named lock (GET_LOCK, MySQL and MariaDB), named after the schema.
 */
@ApplicationScoped
class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class);
    /** How long an instance waits for another one's migration, in seconds. */
    static final int WAIT_SECONDS = 600;

    void migrate(@Observes @Priority(-1000) StartupEvent event, LiquibaseFactory liquibaseFactory, AgroalDataSource dataSource)
            throws Exception {
        try (Connection lock = dataSource.getConnection()) {
            String name = acquire(lock);
            try (Liquibase liquibase = liquibaseFactory.createLiquibase()) {
                liquibase.update(liquibaseFactory.createContexts(), liquibaseFactory.createLabels());
            } finally {
                release(lock, name);
            }
        }
    }

    private static String acquire(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select concat('duban-migrate-', database()), get_lock(concat('duban-migrate-', "
                + "database()), ?)")) {
            s.setInt(1, WAIT_SECONDS);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                if (r.getInt(2) != 1) {
                    throw new IllegalStateException("another instance has been migrating the schema for " + WAIT_SECONDS + " s; giving up");
                }
                LOG.debugf("holding %s", r.getString(1));
                return r.getString(1);
            }
        }
    }

    private static void release(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select release_lock(?)")) {
            s.setString(1, name);
            s.executeQuery().close();
        }
    }
}
