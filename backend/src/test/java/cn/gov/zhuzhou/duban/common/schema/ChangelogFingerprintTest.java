package cn.gov.zhuzhou.duban.common.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fingerprint that lets a start skip Liquibase changes with anything Liquibase would act on. */
class ChangelogFingerprintTest {

    @TempDir
    Path dir;

    String fingerprint() throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            return ChangelogFingerprint.of("db/master.yaml", loader);
        }
    }

    void write(String name, String text) throws Exception {
        Files.createDirectories(dir.resolve(name).getParent());
        Files.writeString(dir.resolve(name), text);
    }

    void changelog(String... files) throws Exception {
        StringBuilder master = new StringBuilder("databaseChangeLog:\n");
        for (String f : files) {
            master.append("  - include:\n      file: db/").append(f).append('\n');
        }
        write("db/master.yaml", master.toString());
    }

    @Test
    void sameChangelogSameFingerprint() throws Exception {
        changelog("1__a.sql", "2__b.sql");
        write("db/1__a.sql", "create table a (id int);");
        write("db/2__b.sql", "create table b (id int);");
        String first = fingerprint();
        assertThat(fingerprint()).isEqualTo(first).hasSize(64);
    }

    @Test
    void aNewChangesetAnEditOrAnotherOrderChangesIt() throws Exception {
        changelog("1__a.sql", "2__b.sql");
        write("db/1__a.sql", "create table a (id int);");
        write("db/2__b.sql", "create table b (id int);");
        write("db/3__c.sql", "create table c (id int);");
        String before = fingerprint();

        changelog("1__a.sql", "2__b.sql", "3__c.sql");
        String added = fingerprint();
        assertThat(added).isNotEqualTo(before);

        write("db/2__b.sql", "create table b (id bigint);");
        String edited = fingerprint();
        assertThat(edited).isNotEqualTo(added).isNotEqualTo(before);

        changelog("2__b.sql", "1__a.sql", "3__c.sql");
        assertThat(fingerprint()).isNotEqualTo(edited);
    }

    @Test
    void anIncludedFileMissingFromThePackageIsAnError() throws Exception {
        changelog("1__a.sql", "9__gone.sql");
        write("db/1__a.sql", "create table a (id int);");
        assertThatThrownBy(this::fingerprint).hasMessageContaining("db/9__gone.sql");
    }

    @Test
    void thePackagedChangelogIncludesEveryChangesetFile() throws Exception {
        // every .sql file beside the master is included: the fingerprint covers the whole changelog
        String master = new String(getClass().getClassLoader().getResourceAsStream("db/changelog/db.changelog-master.yaml").readAllBytes());
        try (var files = Files.list(Path.of("src/main/resources/db/changelog"))) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql"))
                    .forEach(n -> assertThat(master).contains("file: db/changelog/" + n));
        }
        assertThat(ChangelogFingerprint.of("db/changelog/db.changelog-master.yaml", getClass().getClassLoader())).hasSize(64);
    }
}
