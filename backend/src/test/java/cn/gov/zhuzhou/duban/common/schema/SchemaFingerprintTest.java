package cn.gov.zhuzhou.duban.common.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * A start skips Liquibase only when the schema was brought up to date with this very changelog (issue 11: start to
 * ready). The test instance migrated its fresh schema at start, so the fingerprint is recorded.
 */
@QuarkusTest
class SchemaFingerprintTest {

    static final String MASTER = "db/changelog/db.changelog-master.yaml";

    @Inject
    AgroalDataSource dataSource;

    String packaged() {
        return ChangelogFingerprint.of(MASTER, Thread.currentThread().getContextClassLoader());
    }

    @Test
    void theMigratedSchemaIsUpToDateWithThePackagedChangelogOnly() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            assertThat(SchemaMigration.upToDate(c, packaged())).isTrue();
            assertThat(SchemaMigration.upToDate(c, "0".repeat(64))).isFalse();
        }
    }

    @Test
    void aChangelogRowMoreOrLessThanRecordedMeansLiquibaseRuns() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("insert into DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, EXECTYPE) "
                    + "values ('fingerprint-test', 'test', 'test.sql', now(), 9999, 'EXECUTED')");
            try {
                assertThat(SchemaMigration.upToDate(c, packaged())).isFalse();
            } finally {
                s.executeUpdate("delete from DATABASECHANGELOG where ID = 'fingerprint-test'");
            }
            assertThat(SchemaMigration.upToDate(c, packaged())).isTrue();
        }
    }

    @Test
    void noFingerprintTableMeansLiquibaseRunsRatherThanAnError() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("rename table schema_fingerprint to schema_fingerprint_away");
            try {
                assertThat(SchemaMigration.upToDate(c, packaged())).isFalse();
            } finally {
                s.executeUpdate("rename table schema_fingerprint_away to schema_fingerprint");
            }
        }
    }
}
