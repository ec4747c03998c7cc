package cn.gov.zhuzhou.duban.common.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which offered ids are kept: a plain rule, without Quarkus. */
class RequestIdRuleTest {

    @Test
    void plainTokensUpTo64AreKept() {
        assertThat(RequestId.accept("3f0c9a52-8d0e-4c55-9b8e-2a4f4b1b7e11")).isEqualTo("3f0c9a52-8d0e-4c55-9b8e-2a4f4b1b7e11");
        assertThat(RequestId.accept("nginx.req:01_AB")).isEqualTo("nginx.req:01_AB");
        assertThat(RequestId.accept("a".repeat(64))).isEqualTo("a".repeat(64));
    }

    @Test
    void anythingElseGetsANewUuid() {
        for (String bad : new String[] {null, "", "a".repeat(65), "a b", "a\nb", "a\"b", "督办", "Bearer eyJ.x"}) {
            String id = RequestId.accept(bad);
            assertThat(id).as(String.valueOf(bad)).isNotEqualTo(bad);
            assertThat(UUID.fromString(id).toString()).isEqualTo(id);
        }
    }
}
