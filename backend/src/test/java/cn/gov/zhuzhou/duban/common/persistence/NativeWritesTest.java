package cn.gov.zhuzhou.duban.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The data version (DataVersion) is moved by entity writes only: a write in SQL of its own does not move it, so the kept
 * heavy pages (CachedRead) would not see it. Every table the service's code writes in SQL of its own is listed here,
 * with why the kept pages need not see it; a new one fails this test until it bumps the version itself
 * ({@link DataVersion#BUMP} in the same transaction) or is shown to be bookkeeping (plain JUnit, reads the sources).
 */
class NativeWritesTest {

    /** The tables written in SQL of the service's own, and why that need not move the data version. */
    static final Map<String, String> OUTSIDE_THE_VERSION = Map.ofEntries(
            Map.entry("data_version", "the version itself"),
            Map.entry("webhook_subscription", "partner delivery bookkeeping"),
            Map.entry("webhook_delivery", "partner delivery bookkeeping"),
            Map.entry("webhook_attempt", "partner delivery bookkeeping"),
            Map.entry("domain_event", "the outbox: written beside the entity change it reports, which moves the version"),
            Map.entry("domain_event_unit", "the outbox's audience, beside the same change"),
            Map.entry("domain_event_resource", "the outbox's numbering of each resource's events, beside the same change"),
            Map.entry("event_sequencer", "the event feed's numbering"),
            Map.entry("idempotency_key", "replay bookkeeping of requests"),
            Map.entry("notification", "notifications: not read by the kept pages"),
            Map.entry("ticket_sequence", "ticket numbering, always beside the ticket's own insert, which moves the version"),
            Map.entry("schema_fingerprint", "the schema check at start-up"));

    private static final Pattern WRITE = Pattern.compile("\\b(?:insert (?:ignore )?into|replace into|delete from) ([a-z_]+)|\\bupdate ([a-z_]+) set\\b");

    @Test
    void everyTableWrittenInSqlOfOurOwnIsKnownToNeedNoVersionMove() throws IOException {
        Map<String, String> written = new TreeMap<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String literal : stringLiterals(Files.readString(source))) {
                    Matcher m = WRITE.matcher(literal);
                    while (m.find()) {
                        written.putIfAbsent(m.group(1) != null ? m.group(1) : m.group(2), source.getFileName().toString());
                    }
                }
            }
        }
        assertThat(written).as("tables written in SQL of the service's own (and where)").isNotEmpty()
                .containsKeys("webhook_delivery", "notification", "data_version");
        assertThat(OUTSIDE_THE_VERSION).as("a table written in SQL of our own that the kept pages may read: bump the data "
                + "version in that transaction, or add it here with the reason it need not").containsKeys(
                        written.keySet().toArray(String[]::new));
    }

    /** The text of the string literals and text blocks of a Java source (what SQL is written in). */
    static Iterable<String> stringLiterals(String java) {
        java.util.List<String> out = new java.util.ArrayList<>();
        Matcher m = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL).matcher(java);
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return out;
    }
}
