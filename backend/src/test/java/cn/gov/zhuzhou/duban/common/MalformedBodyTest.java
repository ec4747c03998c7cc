package cn.gov.zhuzhou.duban.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.zhuzhou.duban.support.Api;
import cn.gov.zhuzhou.duban.support.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Every class of malformed body, sent to every operation of the served contract that takes a body (read from
 * /q/openapi, not listed by hand): each answer is a 400 problem+json (naming the field where there is one), never a
 * 5xx, and the database is exactly as it was. Malformed includes a field's value of another JSON type than the
 * contract gives it (a number for an enum, a date or text; a fraction or quoted number for a whole number; a number
 * or text for a boolean), which Jackson's defaults would take (common/json/StrictJson).
 */
@QuarkusTest
class MalformedBodyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEEP = "[".repeat(5000) + "]".repeat(5000);
    private static final String DEEP_OBJECT = "{\"a\":".repeat(3000) + "1" + "}".repeat(3000);

    @Inject
    DataSource dataSource;

    record Operation(String method, String path, String operationId, JsonNode schema) {
    }

    /** A body that is wrong for any operation, and whether the problem must name a field. */
    record Sample(String what, String body, String field) {
    }

    @Test
    void everyMalformedBodyToEveryOperationIsAProblemAndChangesNothing() throws Exception {
        JsonNode doc = JSON.readTree(Api.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString());
        List<Operation> operations = operationsWithABody(doc);
        assertTrue(operations.size() > 20, "the contract has operations with a body: " + operations.size());
        String token = Tokens.claims("probe-1", "探针", "admin", "office", "leader", "supervisor", "unit", "partner").sign();

        Map<String, String> before = checksums();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String base = "http://localhost:" + RestAssured.port;
        long started = System.nanoTime();
        for (Operation op : operations) {
            for (Sample sample : samplesFor(op.schema(), doc)) {
                sent++;
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + op.path().replaceAll("\\{[^}]+}", "1")))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        // An edit must name the version it read (428 without); "*" lets the body itself be judged.
                        .header("If-Match", "*")
                        .method(op.method(), HttpRequest.BodyPublishers.ofString(sample.body())).build(), HttpResponse.BodyHandlers.ofString());
                String where = op.operationId() + " " + sample.what() + ": ";
                String body = answer.body();
                String contentType = answer.headers().firstValue("Content-Type").orElse("");
                if (answer.statusCode() != 400) {
                    failures.add(where + "status " + answer.statusCode() + " " + body);
                    continue;
                }
                if (!contentType.startsWith("application/problem+json")) {
                    failures.add(where + "content type " + contentType + " body " + body);
                    continue;
                }
                if (body.contains("com.fasterxml") || body.contains("cn.gov.") || body.contains("java.")) {
                    failures.add(where + "a class name in the body " + body);
                }
                if (sample.field() != null) {
                    List<String> fields = new ArrayList<>();
                    JSON.readTree(body).path("violations").forEach(v -> fields.add(v.path("field").asText()));
                    if (!fields.contains(sample.field())) {
                        failures.add(where + "violations do not name " + sample.field() + ": " + body);
                    }
                }
            }
        }
        System.out.printf("MalformedBodyTest: %d bodies in %d ms%n", sent, (System.nanoTime() - started) / 1_000_000);
        assertEquals(List.of(), failures, failures.size() + " of " + sent + " answers are wrong");
        assertEquals(before, checksums(), "a malformed body changed the database");
    }

    private static List<Operation> operationsWithABody(JsonNode doc) {
        List<Operation> out = new ArrayList<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            JsonNode content = op.getValue().path("requestBody").path("content").path("application/json");
            if (!content.isMissingNode()) {
                out.add(new Operation(op.getKey().toUpperCase(), path.getKey(), op.getValue().path("operationId").asText(),
                        resolve(content.path("schema"), doc)));
            }
        }));
        return out;
    }

    private static JsonNode resolve(JsonNode schema, JsonNode doc) {
        JsonNode s = schema;
        while (s.has("$ref")) {
            String[] ref = s.get("$ref").asText().substring(2).split("/");
            JsonNode target = doc;
            for (String part : ref) {
                target = target.path(part);
            }
            s = target;
        }
        if (s.has("allOf") && s.get("allOf").size() == 1) {
            return resolve(s.get("allOf").get(0), doc);
        }
        return s;
    }

    private static List<Sample> samplesFor(JsonNode schema, JsonNode doc) {
        List<Sample> out = new ArrayList<>(List.of(
                new Sample("an array at the root", "[]", null),
                new Sample("a string at the root", "\"text\"", null),
                new Sample("a number at the root", "42", null),
                new Sample("true at the root", "true", null),
                new Sample("null at the root", "null", null),
                new Sample("an empty body", "", null),
                new Sample("truncated JSON", "{\"a\":", null),
                new Sample("not JSON", "not json", null),
                new Sample("deeply nested arrays", DEEP, null),
                new Sample("deeply nested objects", DEEP_OBJECT, null)));
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            properties.put(property.getKey(), resolve(property.getValue(), doc));
        }
        properties.forEach((name, property) -> {
            String type = property.path("type").asText();
            out.add(new Sample("duplicated " + name, "{\"" + name + "\":null,\"" + name + "\":{\"x\":1}}", name));
            if (type.equals("string") || type.equals("integer") || type.equals("number") || type.equals("boolean")) {
                out.add(new Sample("an array for " + name, "{\"" + name + "\":[1]}", name));
                out.add(new Sample("an object for " + name, "{\"" + name + "\":{\"x\":1}}", name));
            }
            if (type.equals("string") && !property.has("enum") && !property.has("format")) {
                out.add(new Sample("an unpaired surrogate in " + name, "{\"" + name + "\":\"\\ud800x\"}", name));
                out.add(new Sample("a control character in " + name, "{\"" + name + "\":\"a\\u0001b\"}", name));
            }
            if (type.equals("integer") || type.equals("number")) {
                out.add(new Sample("a word for " + name, "{\"" + name + "\":\"many\"}", name));
            }
            // a value of another JSON type than the contract's, which Jackson's defaults would take and make something of
            String format = property.path("format").asText();
            if (type.equals("string") && (format.equals("date") || format.equals("date-time"))) {
                out.add(new Sample("a number of days for the date " + name, "{\"" + name + "\":0}", name));
                out.add(new Sample("an array of parts for the date " + name, "{\"" + name + "\":[2019,3,20]}", name));
                out.add(new Sample("an empty string for the date " + name, "{\"" + name + "\":\"\"}", name));
            } else if (type.equals("string") && property.has("enum")) {
                out.add(new Sample("a number for the enum " + name, "{\"" + name + "\":0}", name));
            } else if (type.equals("string") && !property.has("format")) {
                out.add(new Sample("a number for the text " + name, "{\"" + name + "\":42}", name));
                out.add(new Sample("true for the text " + name, "{\"" + name + "\":true}", name));
            }
            if (type.equals("integer")) {
                out.add(new Sample("a fraction for " + name, "{\"" + name + "\":1.5}", name));
                out.add(new Sample("a whole number in quotes for " + name, "{\"" + name + "\":\"1\"}", name));
            }
            if (type.equals("boolean")) {
                out.add(new Sample("a number for " + name, "{\"" + name + "\":1}", name));
                out.add(new Sample("text for " + name, "{\"" + name + "\":\"true\"}", name));
            }
        });
        return out;
    }

    private Map<String, String> checksums() throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("select table_name from information_schema.tables where table_schema = database()"
                    + " and table_type = 'BASE TABLE' and table_name not like 'QRTZ%' order by table_name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            try (ResultSet rs = st.executeQuery("checksum table " + String.join(", ", tables))) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }
}
