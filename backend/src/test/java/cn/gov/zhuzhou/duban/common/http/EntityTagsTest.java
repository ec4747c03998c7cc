package cn.gov.zhuzhou.duban.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The entity-tag and idempotency-key rules, without Quarkus. */
class EntityTagsTest {

    record Versioned(long id, long version) {
    }

    record Unversioned(long id) {
    }

    @Test
    void onlyAViewWithAVersionHasATag() {
        assertThat(EntityTags.versionOf(new Versioned(1, 7))).contains(7L);
        assertThat(EntityTags.versionOf(new Unversioned(1))).isEmpty();
        assertThat(EntityTags.versionOf("text")).isEmpty();
    }

    @Test
    void theTagNamesTheVersionAndChangesWithTheRepresentation() {
        String a = EntityTags.of(7, "{\"light\":\"GREEN\"}".getBytes(StandardCharsets.UTF_8));
        String b = EntityTags.of(7, "{\"light\":\"RED\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(a).matches("\"7-[0-9a-f]{16}\"").isNotEqualTo(b);
    }

    @Test
    void ifNoneMatchComparesWeaklyAndAcceptsAListOrAStar() {
        String tag = "\"3-0123456789abcdef\"";
        assertThat(EntityTags.noneMatchHits(tag, tag)).isTrue();
        assertThat(EntityTags.noneMatchHits("W/" + tag, tag)).isTrue();
        assertThat(EntityTags.noneMatchHits("\"2-0000000000000000\", " + tag, tag)).isTrue();
        assertThat(EntityTags.noneMatchHits("*", tag)).isTrue();
        assertThat(EntityTags.noneMatchHits("\"3-ffffffffffffffff\"", tag)).isFalse();
        assertThat(EntityTags.noneMatchHits(null, tag)).isFalse();
    }

    @Test
    void ifMatchComparesTheVersionOfStrongTagsOnly() {
        assertThat(EntityTags.IfMatch.parse("\"3-0123456789abcdef\"").matches(3)).isTrue();
        assertThat(EntityTags.IfMatch.parse("\"3\"").matches(3)).isTrue();
        assertThat(EntityTags.IfMatch.parse("\"3\"").matches(4)).isFalse();
        assertThat(EntityTags.IfMatch.parse("W/\"3\"").matches(3)).isFalse();
        assertThat(EntityTags.IfMatch.parse("\"2\", \"3\"").matches(3)).isTrue();
        assertThat(EntityTags.IfMatch.parse("*").matches(42)).isTrue();
        assertThat(EntityTags.IfMatch.parse("3").matches(3)).isFalse();
        assertThat(EntityTags.IfMatch.parse("\"x-1\"").matches(1)).isFalse();
    }

    @Test
    void anIdempotencyKeyIsAStructuredFieldStringOrABareToken() {
        assertThat(IdempotencyKey.parse("\"8e03978e-40d5-43e8-bc93-6894a57f9324\"")).contains("8e03978e-40d5-43e8-bc93-6894a57f9324");
        assertThat(IdempotencyKey.parse("8e03978e")).contains("8e03978e");
        assertThat(IdempotencyKey.parse("\"a\\\"b\"")).contains("a\"b");
        assertThat(IdempotencyKey.parse("\"a\"b\"")).isEmpty();
        assertThat(IdempotencyKey.parse("\"\"")).isEmpty();
        assertThat(IdempotencyKey.parse("k".repeat(256))).isEmpty();
        assertThat(IdempotencyKey.parse("键")).isEmpty();
    }

    @Test
    void theFingerprintCoversMethodPathAndBody() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String one = IdempotencyKey.fingerprint("POST", "/api/v1/tasks", body);
        assertThat(IdempotencyKey.fingerprint("POST", "/api/v1/tasks", body)).isEqualTo(one);
        assertThat(IdempotencyKey.fingerprint("POST", "/api/v1/plans", body)).isNotEqualTo(one);
        assertThat(IdempotencyKey.fingerprint("POST", "/api/v1/tasks", "{ }".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(one);
    }
}
