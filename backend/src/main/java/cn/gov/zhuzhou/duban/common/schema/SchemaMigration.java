package cn.gov.zhuzhou.duban.common.schema;

import io.agroal.api.AgroalDataSource;
import io.quarkus.liquibase.LiquibaseFactory;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import liquibase.Liquibase;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Brings the schema up to date at start, before anything else runs (the seed, the scheduler), one instance at a time.
 * Liquibase's own lock is not safe on an empty schema: two instances starting together both "acquire" it while its
 * lock table is being created, and the second fails on tables the first has just made (liquibase/liquibase#2315).
 * So the update runs under a server-side named lock (GET_LOCK, MySQL and MariaDB), named after the schema.
 * <p>
 * Most starts find nothing to do, and Liquibase still parses the whole changelog and reads DATABASECHANGELOG twice to
 * say so (about 15 % of a start's main thread on the province schema, issue 11). So after each successful update the
 * changelog's fingerprint ({@link ChangelogFingerprint}) and the number of rows of DATABASECHANGELOG are recorded in
 * {@code schema_fingerprint} (changeset 35); a start whose packaged changelog has that fingerprint, on a schema whose
 * DATABASECHANGELOG still holds that many rows, skips Liquibase with one query and no lock. Anything else (a new
 * changeset, an edited file, an empty or older schema, a changelog row removed by hand) takes the full path: the lock,
 * then a second look (another instance may have migrated while this one waited), then Liquibase.
 */
@ApplicationScoped
class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class);
    /** How long an instance waits for another one's migration, in seconds. */
    static final int WAIT_SECONDS = 600;

    @ConfigProperty(name = "quarkus.liquibase.change-log", defaultValue = "db/changelog/db.changelog-master.yaml")
    String changeLog;

    void migrate(@Observes @Priority(-1000) StartupEvent event, Instance<LiquibaseFactory> liquibaseFactory, AgroalDataSource dataSource)
            throws Exception {
        String fingerprint = ChangelogFingerprint.of(changeLog, Thread.currentThread().getContextClassLoader());
        try (Connection c = dataSource.getConnection()) {
            if (upToDate(c, fingerprint)) {
                LOG.infof("Schema up to date with changelog %s: Liquibase not run", fingerprint.substring(0, 12));
                return;
            }
            String name = acquire(c);
            try {
                if (upToDate(c, fingerprint)) {
                    LOG.infof("Schema brought up to date by another instance (changelog %s)", fingerprint.substring(0, 12));
                    return;
                }
                LiquibaseFactory factory = liquibaseFactory.get();
                try (Liquibase liquibase = factory.createLiquibase()) {
                    liquibase.update(factory.createContexts(), factory.createLabels());
                }
                record(c, fingerprint);
            } finally {
                release(c, name);
            }
        }
    }

    /**
     * Whether the schema was last brought up to date with this very changelog and DATABASECHANGELOG still holds as many
     * rows as then. False, never an error, when the table is not there yet (an empty or older schema).
     */
    static boolean upToDate(Connection c, String fingerprint) {
        try (PreparedStatement s = c.prepareStatement("select f.fingerprint, f.changesets, (select count(*) from DATABASECHANGELOG) "
                + "from schema_fingerprint f where f.id = 1"); ResultSet r = s.executeQuery()) {
            return r.next() && fingerprint.equals(r.getString(1)) && r.getLong(2) == r.getLong(3);
        } catch (SQLException e) {
            LOG.debugf("no usable schema fingerprint (%s): running Liquibase", e.getMessage());
            return false;
        }
    }

    private static void record(Connection c, String fingerprint) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into schema_fingerprint (id, fingerprint, changesets, recorded_at) "
                + "select 1, ?, count(*), utc_timestamp(6) from DATABASECHANGELOG "
                + "on duplicate key update fingerprint = values(fingerprint), changesets = values(changesets), recorded_at = values(recorded_at)")) {
            s.setString(1, fingerprint);
            s.executeUpdate();
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
