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

    /** Swagger UI's "Try it out" fills in examples: an optional filter with one would return an empty first page. */
    @Test
    void noOptionalQueryFilterCarriesAnExample() {
        var doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        java.util.Map<String, java.util.Map<String, java.util.Map<String, Object>>> paths = doc.getMap("paths");
        java.util.List<String> prefilled = new java.util.ArrayList<>();
        paths.forEach((path, ops) -> ops.forEach((method, op) -> {
            var parameters = (java.util.List<java.util.Map<String, Object>>) op.getOrDefault("parameters", java.util.List.of());
            parameters.stream()
                    .filter(p -> "query".equals(p.get("in")) && !Boolean.TRUE.equals(p.get("required")))
                    .filter(p -> !java.util.Set.of("page", "size").contains(p.get("name")))
                    .filter(p -> p.containsKey("example") || p.containsKey("examples"))
                    .forEach(p -> prefilled.add(method.toUpperCase() + " " + path + " ?" + p.get("name") + "=" + p.get("example")));
        }));
        assertThat(prefilled).as("optional query filters with an example (Swagger UI pre-fills them)").isEmpty();
    }

    /** Who-did-it fields carry the token subject (a Keycloak UUID) next to a display name; examples must show that. */
    @Test
    void everyActorFieldHasAUuidExampleAndADisplayName() {
        var doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        java.util.Map<String, java.util.Map<String, Object>> schemas = doc.getMap("components.schemas");
        java.util.Set<String> subjects = java.util.Set.of("actor", "submittedBy", "reportedBy", "createdBy", "updatedBy");
        java.util.List<String> seen = new java.util.ArrayList<>();
        schemas.forEach((name, schema) -> {
            var properties = (java.util.Map<String, java.util.Map<String, Object>>) schema.getOrDefault("properties", java.util.Map.of());
            properties.forEach((field, property) -> {
                if (!subjects.contains(field)) {
                    return;
                }
                seen.add(name + "." + field);
                assertThat(exampleOf(property)).as(name + "." + field + " example is a token subject")
                        .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
                assertThat(properties).as(name + "." + field + "Name").containsKey(field + "Name");
                assertThat(exampleOf(properties.get(field + "Name"))).as(name + "." + field + "Name example")
                        .doesNotMatch("[0-9a-f-]{36}|[A-Za-z-]+");
            });
        });
        assertThat(seen).as("actor fields found").contains("TicketItemEventView.actor", "MonthlyReportRevisionView.submittedBy",
                "ProblemEventView.actor", "SupervisionActionView.actor", "SupervisionCaseEventView.actor", "MonthlyReportEventView.actor");
    }

    /** A schema's example: OpenAPI 3.1 writes {@code examples: [..]}, 3.0 {@code example}. */
    private static String exampleOf(java.util.Map<String, Object> schema) {
        Object examples = schema.get("examples");
        if (examples instanceof java.util.List<?> list && !list.isEmpty()) {
            return String.valueOf(list.get(0));
        }
        return String.valueOf(schema.get("example"));
    }
}
