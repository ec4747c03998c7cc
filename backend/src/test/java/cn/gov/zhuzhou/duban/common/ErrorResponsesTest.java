package cn.gov.zhuzhou.duban.common;

import static cn.gov.zhuzhou.duban.support.Api.given;
import static cn.gov.zhuzhou.duban.support.Api.json;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.zhuzhou.duban.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every error the HTTP layer itself produces is problem+json with a Chinese detail, and never names a Java type. */
@QuarkusTest
class ErrorResponsesTest {

    private static final String CHINESE = "(?s).*[\\u4e00-\\u9fa5].*";

    @BeforeEach
    void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static ValidatableResponse problem(Response response, int status) {
        return response.then().statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status)).body("detail", matchesPattern(CHINESE))
                .body(not(containsString("cn.gov."))).body(not(containsString("java.")));
    }

    private static long aUnit() {
        String code = Api.unique("ZZ-T");
        return json().body("""
                {"code": "%s", "name": "%s测试单位", "kind": "COUNTY_GOVERNMENT", "cityCode": "ZZ"}""".formatted(code, code))
                .post("/api/v1/units").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void aUnitCannotBeRenamedToTextWithAnUnpairedSurrogate() {
        long id = aUnit();
        JsonPath before = given().get("/api/v1/units/{id}", id).then().statusCode(200).extract().jsonPath();
        problem(json().body("{\"name\": \"\\ud800x\", \"kind\": \"COUNTY_GOVERNMENT\", \"version\": " + before.getInt("version") + "}")
                .header("If-Match", "*").put("/api/v1/units/{id}", id), 400).body("violations.field", equalTo(List.of("name")));
        problem(json().body("{\"name\": \"a\\u0007b\", \"kind\": \"COUNTY_GOVERNMENT\", \"version\": " + before.getInt("version") + "}")
                .header("If-Match", "*").put("/api/v1/units/{id}", id), 400).body("violations.field", equalTo(List.of("name")));
        given().get("/api/v1/units/{id}", id).then().statusCode(200)
                .body("name", equalTo(before.getString("name"))).body("version", equalTo(before.getInt("version")));
    }

    @Test
    void tabsAndLineBreaksAreStillText() {
        long id = aUnit();
        int version = given().get("/api/v1/units/{id}", id).then().extract().jsonPath().getInt("version");
        json().body("{\"name\": \"" + Api.unique("第一行\\n\\t第二行") + "\", \"kind\": \"COUNTY_GOVERNMENT\", \"version\": " + version + "}")
                .header("If-Match", "\"" + version + "\"").put("/api/v1/units/{id}", id).then().statusCode(200);
    }

    @Test
    void aDuplicatedKeyIsRefusedNamingTheField() {
        problem(json().body("{\"name\":\"李明\",\"name\":null}").post("/api/v1/people"), 400)
                .body("violations.field", equalTo(List.of("name")));
        problem(json().body("{\"version\":1,\"version\":{\"x\":1}}").header("If-Match", "*").put("/api/v1/units/{id}", aUnit()), 400)
                .body("violations.field", equalTo(List.of("version")));
    }

    @Test
    void aBodyOfTheWrongShapeIsAProblem() {
        for (String body : List.of("[]", "\"李明\"", "42", "true", "[".repeat(5000) + "]".repeat(5000),
                "{\"a\":".repeat(3000) + "1" + "}".repeat(3000))) {
            problem(json().body(body).post("/api/v1/people"), 400);
        }
        problem(json().body("{\"name\": [\"李明\"]}").post("/api/v1/people"), 400).body("violations.field", equalTo(List.of("name")));
    }

    @Test
    void aValueOfAnotherJsonTypeThanTheContractsIsRefusedNamingTheFieldAndChangesNothing() {
        long id = aUnit();
        JsonPath before = given().get("/api/v1/units/{id}", id).then().statusCode(200).extract().jsonPath();
        int version = before.getInt("version");
        // Jackson's defaults would take each of these: a number as the n-th value of an enum, a number or a boolean as
        // text, a fraction cut to a whole number, a whole number in quotes
        List<List<String>> refused = List.of(
                List.of("kind", "{\"name\": \"改名测试\", \"kind\": 0, \"version\": %d}".formatted(version)),
                List.of("name", "{\"name\": 42, \"kind\": \"COUNTY_GOVERNMENT\", \"version\": %d}".formatted(version)),
                List.of("name", "{\"name\": true, \"kind\": \"COUNTY_GOVERNMENT\", \"version\": %d}".formatted(version)),
                List.of("version", "{\"name\": \"改名测试\", \"kind\": \"COUNTY_GOVERNMENT\", \"version\": %d.5}".formatted(version)),
                List.of("version", "{\"name\": \"改名测试\", \"kind\": \"COUNTY_GOVERNMENT\", \"version\": \"%d\"}".formatted(version)));
        for (List<String> fieldAndBody : refused) {
            problem(json().body(fieldAndBody.get(1)).header("If-Match", "*").put("/api/v1/units/{id}", id), 400)
                    .body("violations.field", equalTo(List.of(fieldAndBody.get(0))));
        }
        given().get("/api/v1/units/{id}", id).then().statusCode(200)
                .body("name", equalTo(before.getString("name"))).body("kind", equalTo(before.getString("kind")))
                .body("version", equalTo(version));

        // a date is text (yyyy-MM-dd): not a number of days since 1970, not an array of its parts, not an empty string
        long person = json().body("{\"name\": \"%s\"}".formatted(Api.unique("王测试"))).post("/api/v1/people").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        int positions = given().queryParam("unitId", id).get("/api/v1/positions").then().statusCode(200).extract().jsonPath()
                .getList("items").size();
        for (String since : List.of("0", "-1", "[]", "[2019, 3, 20]", "\"\"", "true")) {
            problem(json().body("{\"title\": \"%s\", \"unitId\": %d, \"holderId\": %d, \"holderSince\": %s}"
                    .formatted(Api.unique("测试职务"), id, person, since)).post("/api/v1/positions"), 400)
                    .body("violations.field", equalTo(List.of("holderSince")));
        }
        given().queryParam("unitId", id).get("/api/v1/positions").then().statusCode(200).body("items.size()", equalTo(positions));
        json().body("{\"title\": \"%s\", \"unitId\": %d, \"holderId\": %d, \"holderSince\": \"2019-03-20\"}"
                .formatted(Api.unique("测试职务"), id, person)).post("/api/v1/positions").then().statusCode(201)
                .body("holderSince", equalTo("2019-03-20"));
    }

    @Test
    void anOversizedBodyIsA413Problem() {
        String big = "{\"name\": \"" + "李".repeat(1_200_000) + "\"}";
        problem(json().body(big).post("/api/v1/people"), 413);
    }

    @Test
    void wrongMethodMediaTypeOrAcceptIsAProblem() {
        problem(given().delete("/api/v1/cities"), 405);
        problem(given().accept("application/xml").get("/api/v1/units"), 406);
        problem(given().contentType("text/plain").body("李明").post("/api/v1/people"), 415);
    }

    @Test
    void aBadEnumInAFilterNamesTheParameterAndTheAllowedValues() {
        problem(given().queryParam("kind", "BOGUS").get("/api/v1/tasks"), 400)
                .body("violations.field", equalTo(List.of("kind")))
                .body("violations[0].message", containsString("NEAR_TERM"))
                .body("detail", not(containsString("enum")));
    }

    @Test
    void aBadDateInAFilterNamesTheParameter() {
        problem(given().queryParam("deadlineFrom", "2026-13-45").get("/api/v1/tasks"), 400)
                .body("violations.field", equalTo(List.of("deadlineFrom")))
                .body("violations[0].message", containsString("2026-13-45"))
                .body("detail", not(containsString("java")));
    }

    @Test
    void aBadPathIdIsAPathParameterProblem() {
        problem(given().get("/api/v1/units/abc"), 400)
                .body("violations.field", equalTo(List.of("id"))).body("detail", containsString("路径参数"));
    }

    @Test
    void aPageFarPastTheEndIsNeverAServerError() {
        List<String> lists = new ArrayList<>();
        Map<String, Map<String, Map<String, Object>>> paths = given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200).extract().jsonPath().getMap("paths");
        paths.forEach((path, ops) -> {
            Map<String, Object> get = ops.get("get");
            if (get != null && !path.contains("{") && String.valueOf(get.get("parameters")).contains("name=page")) {
                lists.add(path);
            }
        });
        assertTrue(lists.size() >= 10, "lists with paging in the contract: " + lists);
        for (String path : lists) {
            problem(given().queryParam("page", 20_000_000).queryParam("size", 200).get(path), 400)
                    .body("violations.field", hasItem("page"));
            long total = given().queryParam("size", 1).get(path).then().statusCode(200).extract().jsonPath().getLong("totalItems");
            given().queryParam("page", 1_000_000).queryParam("size", 200).get(path).then().statusCode(200)
                    .body("items", empty()).body("page", equalTo(1_000_000)).body("totalItems", equalTo((int) total));
        }
    }

    @Test
    void everyResponseForbidsSniffingAndTheApiIsNeverCached() {
        given().get("/api/v1/units").then().statusCode(200).header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store");
        given().get("/api/v1/units/999999").then().statusCode(404).header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store");
        RestAssured.given().get("/q/openapi").then().statusCode(200).header("X-Content-Type-Options", "nosniff");
        assertEquals("nosniff", RestAssured.given().get("/api/v1/units").header("X-Content-Type-Options"));
    }
}
