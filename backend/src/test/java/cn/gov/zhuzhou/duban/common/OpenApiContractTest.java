package cn.gov.zhuzhou.duban.common;

import static cn.gov.zhuzhou.duban.support.Api.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed contract (openapi/openapi.yaml) is what the SPA and partners build against: it must be exactly
 * what the code serves. {@code make openapi} runs this test with -Dcontract.write=true to refresh the file.
 */
@QuarkusTest
class OpenApiContractTest {

    static final Path COMMITTED = Path.of("..", "openapi", "openapi.yaml");

    @Test
    void committedContractMatchesTheCode() throws Exception {
        String served = given().queryParam("format", "yaml").get("/q/openapi").then().statusCode(200).extract().asString();
        if (Boolean.getBoolean("contract.write")) {
            Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(COMMITTED)).as("openapi/openapi.yaml is committed").isTrue();
        assertThat(served).as("openapi/openapi.yaml is stale: run 'make openapi' and commit it")
                .isEqualTo(Files.readString(COMMITTED, StandardCharsets.UTF_8));
    }

    @Test
    void everyOperationHasAnIdSummaryTagAndDocumentedErrors() {
        var doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        java.util.Map<String, java.util.Map<String, java.util.Map<String, Object>>> paths = doc.getMap("paths");
        assertThat(paths).isNotEmpty();
        paths.forEach((path, ops) -> ops.forEach((method, op) -> {
            String where = method.toUpperCase() + " " + path;
            assertThat(op.get("operationId")).as(where + " operationId").isNotNull();
            assertThat(op.get("summary")).as(where + " summary").isNotNull();
            assertThat((java.util.List<?>) op.get("tags")).as(where + " tags").isNotEmpty();
            java.util.Map<String, Object> responses = (java.util.Map<String, Object>) op.get("responses");
            assertThat(responses).as(where + " responses").containsKeys("401", "403", "503");
            if (op.get("parameters") != null || op.get("requestBody") != null) {
                assertThat(responses).as(where + " 400").containsKey("400");
            }
            assertThat(op.get("description")).as(where + " description").isNotNull();
            assertThat((java.util.List<?>) op.get("x-duban-roles")).as(where + " roles").isNotEmpty();
            if (path.contains("{")) {
                assertThat(responses).as(where + " 404").containsKey("404");
            }
        }));
        assertThat(doc.getString("components.schemas.Problem.type")).isEqualTo("object");
    }
}
