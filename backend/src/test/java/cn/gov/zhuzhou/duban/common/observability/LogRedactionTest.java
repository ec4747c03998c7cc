package cn.gov.zhuzhou.duban.common.observability;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.zhuzhou.duban.support.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The log, as production writes it (JSON lines; the test profile writes the same format to
 * target/duban-test-log.json): a request's lines carry its id and its caller, never the bearer token nor a password the
 * request carried.
 */
@QuarkusTest
class LogRedactionTest {

    static final Path LOG = Path.of("target/duban-test-log.json");
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aRequestsLinesNameItAndItsCallerButNeverItsTokenOrAPassword() throws Exception {
        String token = Tokens.claims("redaction-" + UUID.randomUUID(), "日志检查员", "admin", "office").sign();
        String password = "Pw-" + UUID.randomUUID();
        String id = "redaction-" + UUID.randomUUID();
        RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON).header("X-Request-Id", id)
                .queryParam("password", password)
                .body("{\"code\": \"LOG-1\", \"title\": \"日志\", \"periodStart\": \"2031-01-01\", \"periodEnd\": \"2031-12-31\", "
                        + "\"password\": \"" + password + "\"}")
                .post("/api/v1/plans").then().statusCode(400);
        // a refused token is not logged either
        RestAssured.given().auth().oauth2(token + "x").header("X-Request-Id", id + "-bad").get("/api/v1/tasks").then().statusCode(401);

        List<JsonNode> lines = linesOf(id);
        assertThat(lines).as("the problem's log line").isNotEmpty();
        JsonNode problem = lines.stream().filter(l -> l.path("loggerName").asText().equals("duban.problem")).findFirst().orElseThrow();
        assertThat(problem.path("level").asText()).isEqualTo("INFO");
        assertThat(problem.path("message").asText()).contains("400").contains("/api/v1/plans").contains("不允许的字段：password");
        assertThat(problem.path("mdc").path("requestId").asText()).isEqualTo(id);
        assertThat(problem.path("mdc").path("sub").asText()).startsWith("redaction-");
        assertThat(linesOf(id + "-bad")).isNotEmpty();

        String whole = Files.readString(LOG, StandardCharsets.UTF_8);
        assertThat(whole).doesNotContain(token).doesNotContain(token.substring(token.lastIndexOf('.') + 1)).doesNotContain(password);
    }

    /** The JSON log lines whose MDC names request {@code id} (the file logger flushes each line). */
    static List<JsonNode> linesOf(String id) throws IOException {
        List<JsonNode> found = new ArrayList<>();
        for (String line : Files.readAllLines(LOG, StandardCharsets.UTF_8)) {
            if (line.isBlank() || !line.contains(id)) {
                continue;
            }
            JsonNode node = JSON.readTree(line);
            if (id.equals(node.path("mdc").path("requestId").asText())) {
                found.add(node);
            }
        }
        return found;
    }
}
