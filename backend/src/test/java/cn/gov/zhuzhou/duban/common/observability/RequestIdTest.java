package cn.gov.zhuzhou.duban.common.observability;

import static cn.gov.zhuzhou.duban.support.Api.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every response names its request: the caller's X-Request-Id when it is a plain token, else one made here. */
@QuarkusTest
class RequestIdTest {

    @Test
    void aPlainIdIsEchoedAndNamedInTheProblem() {
        String id = "gw-" + UUID.randomUUID();
        Response r = given().header("X-Request-Id", id).get("/api/v1/tasks/{id}", 987_654_321L);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.header("X-Request-Id")).isEqualTo(id);
        assertThat(r.jsonPath().getString("requestId")).isEqualTo(id);
        assertThat(r.jsonPath().getString("instance")).isEqualTo("/api/v1/tasks/987654321");
    }

    @Test
    void withoutOneAnIdIsMadeAndEachRequestHasItsOwn() {
        Response first = given().get("/api/v1/tasks/{id}", 987_654_321L);
        Response second = given().get("/api/v1/tasks/{id}", 987_654_321L);
        String id = first.header("X-Request-Id");
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(first.jsonPath().getString("requestId")).isEqualTo(id);
        assertThat(second.header("X-Request-Id")).isNotBlank().isNotEqualTo(id);
        // a success carries it too, and on every path (health, metrics)
        assertThat(given().get("/api/v1/tasks/{id}", cn.gov.zhuzhou.duban.support.Api.taskId("N8.2")).header("X-Request-Id")).isNotBlank();
        assertThat(io.restassured.RestAssured.given().get("/q/health/live").header("X-Request-Id")).isNotBlank();
    }

    @Test
    void anIdTooLongOrWithOtherCharactersIsReplaced() {
        for (String bad : new String[] {"a".repeat(65), "abc def", "abc\"}{", "令牌", "x;rm -rf"}) {
            Response r = given().header("X-Request-Id", bad).get("/api/v1/tasks/{id}", 987_654_321L);
            assertThat(r.header("X-Request-Id")).as(bad).isNotEqualTo(bad);
            assertThat(UUID.fromString(r.header("X-Request-Id"))).isNotNull();
            assertThat(r.jsonPath().getString("requestId")).isEqualTo(r.header("X-Request-Id"));
        }
    }

    @Test
    void theOverloadAndAuthenticationProblemsNameTheRequestToo() {
        Response r = io.restassured.RestAssured.given().header("X-Request-Id", "no-token-1").get("/api/v1/tasks");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.header("X-Request-Id")).isEqualTo("no-token-1");
        assertThat(r.jsonPath().getString("requestId")).isEqualTo("no-token-1");
    }
}
