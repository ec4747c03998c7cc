package cn.gov.zhuzhou.duban.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End to end, with nothing simulated: the packaged service and a real Keycloak 26.5 with the duban realm, both
 * started once by deploy/local/e2e.sh (part of make test). Tokens come the way the SPA's test client (password
 * grant) and a partner city (client credentials) get them.
 */
class KeycloakE2E {

    static String issuer;
    static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    @BeforeAll
    static void connect() {
        String baseUrl = System.getenv("DUBAN_E2E_BASE_URL");
        issuer = System.getenv("DUBAN_E2E_ISSUER");
        assertThat(baseUrl).as("DUBAN_E2E_BASE_URL (set by deploy/local/e2e.sh)").isNotBlank();
        assertThat(issuer).as("DUBAN_E2E_ISSUER (set by deploy/local/e2e.sh)").isNotBlank();
        RestAssured.baseURI = baseUrl;
        RestAssured.port = -1;
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    static String password(String client, String user, String password) {
        return given().baseUri(issuer).contentType(ContentType.URLENC)
                .formParam("grant_type", "password").formParam("client_id", client)
                .formParam("username", user).formParam("password", password)
                .post("/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
    }

    static String user(String name) {
        return TOKENS.computeIfAbsent(name, n -> password("duban-test", n, n.startsWith("liaison") ? "liaison-demo" : n + "-demo"));
    }

    static String partner(String city) {
        return TOKENS.computeIfAbsent("partner-" + city, k -> given().baseUri(issuer).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", "duban-partner-" + city.toLowerCase())
                .formParam("client_secret", city.toLowerCase() + "-demo-secret")
                .post("/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token"));
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    static long taskId(String code) {
        return as(user("office")).queryParam("q", code).queryParam("size", 200).get("/api/v1/tasks").then().statusCode(200)
                .extract().jsonPath().getLong("items.find { it.code == '" + code + "' }.id");
    }

    static String progress(String token, long taskId, int percent) {
        long version = as(user("office")).get("/api/v1/tasks/{id}", taskId).then().extract().jsonPath().getLong("version");
        return """
                {"status": "IN_PROGRESS", "progressPercent": %d, "note": "端到端测试", "version": %d}""".formatted(percent, version);
    }

    // ---- a read and a write for each role ---------------------------------------------------------------

    @Test
    void adminRegistersAUnitAndTheAuditNamesTheAdmin() {
        String code = "ZZ-E2E" + System.nanoTime() % 100000;
        as(user("admin")).body("""
                {"code": "%s", "name": "株洲市端到端测试局%s", "kind": "DEPARTMENT", "cityCode": "ZZ"}""".formatted(code, code))
                .post("/api/v1/units").then().statusCode(201).body("audit.createdByName", notNullValue())
                .body("audit.createdBy", notNullValue());
        as(user("admin")).queryParam("q", code).get("/api/v1/units").then().statusCode(200).body("totalItems", equalTo(1));
    }

    @Test
    void officeReportsProgressOnAnyTaskAndReadsTheHistory() {
        long task = taskId("N6");
        as(user("office")).body(progress(user("office"), task, 25)).post("/api/v1/tasks/{id}/progress", task).then()
                .statusCode(200).body("progressPercent", equalTo(25));
        as(user("office")).get("/api/v1/tasks/{id}/progress", task).then().statusCode(200)
                .body("items[0].source", equalTo("OFFICE")).body("items[0].reportedByName", notNullValue());
    }

    @Test
    void leaderReadsThePlanButCannotEditIt() {
        long plan = as(user("leader")).get("/api/v1/plans").then().statusCode(200).extract().jsonPath()
                .getLong("items.find { it.code == 'ZZ-CZT-2019' }.id");
        as(user("leader")).get("/api/v1/plans/{id}/tree", plan).then().statusCode(200);
        as(user("leader")).body("{\"planId\": %d, \"code\": \"LX1\", \"kind\": \"NEAR_TERM\", \"title\": \"越权\"}".formatted(plan))
                .post("/api/v1/tasks").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void supervisorReadsGroupsButCannotChangeThem() {
        long group = as(user("supervisor")).get("/api/v1/groups").then().statusCode(200).extract().jsonPath().getLong("items[0].id");
        as(user("supervisor")).get("/api/v1/groups/{id}", group).then().statusCode(200);
        as(user("supervisor")).header("If-Match", "\"0\"").body("{\"name\": \"改名\", \"version\": 0}").put("/api/v1/groups/{id}", group).then().statusCode(403);
    }

    @Test
    void liaisonWritesOnlyForItsOwnUnit() {
        long own = taskId("N8.2");
        as(user("liaison-edu")).body(progress(user("liaison-edu"), own, 40)).post("/api/v1/tasks/{id}/progress", own).then()
                .statusCode(200);
        as(user("liaison-edu")).get("/api/v1/tasks/{id}/progress", own).then().statusCode(200)
                .body("items[0].unit.code", equalTo("ZZ-EDU")).body("items[0].reportedByName", equalTo("市教育局联络员"));
        long other = taskId("N1");
        String before = as(user("office")).get("/api/v1/tasks/{id}", other).then().extract().asString();
        as(user("liaison-edu")).body(progress(user("liaison-edu"), other, 90)).post("/api/v1/tasks/{id}/progress", other).then()
                .statusCode(403);
        assertThat(as(user("office")).get("/api/v1/tasks/{id}", other).then().extract().asString()).isEqualTo(before);
    }

    @Test
    void partnerReadsSharedTasksAndWritesOnlyWhatItsCityLeads() {
        as(partner("CS")).queryParam("size", 200).get("/api/v1/tasks").then().statusCode(200)
                .body("items.crossCityLead", everyItem(notNullValue()));
        long changsha = taskId("N1");
        as(partner("CS")).body(progress(partner("CS"), changsha, 55)).post("/api/v1/tasks/{id}/progress", changsha).then()
                .statusCode(200);
        as(user("office")).get("/api/v1/tasks/{id}/progress", changsha).then().body("items[0].cityCode", equalTo("CS"));
        long xiangtan = taskId("N7");
        as(partner("CS")).body(progress(partner("CS"), xiangtan, 80)).post("/api/v1/tasks/{id}/progress", xiangtan).then()
                .statusCode(403);
        as(partner("CS")).get("/api/v1/units").then().statusCode(403);
    }

    // ---- the dispatch cycle with real tokens ------------------------------------------------------------

    static long version(String token, String path) {
        return as(token).get(path).then().statusCode(200).extract().jsonPath().getLong("version");
    }

    @Test
    void theDispatchCycleWithEveryRolesOwnToken() {
        String office = user("office"), edu = user("liaison-edu"), supervisor = user("supervisor"), leader = user("leader");
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        // A long-ended month unique to this run: the education bureau reports on it, late, with a difficulty.
        long n = System.nanoTime() / 1000 % 1200;
        String month = "%d-%02d".formatted(1800 + n / 12, n % 12 + 1);
        long report = as(edu).body("""
                {"month": "%s", "entries": [{"taskId": %d, "workDone": "职教基地建设", "progressPercent": 35, "track": "AT_RISK"}],
                 "problems": "端到端：实训基地用地待批"}""".formatted(month, taskId("N8.2"))).post("/api/v1/reports").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        as(edu).body("{\"version\": %d}".formatted(version(edu, "/api/v1/reports/" + report)))
                .post("/api/v1/reports/{id}/submissions", report).then().statusCode(200).body("late", equalTo(true));
        as(office).queryParam("size", 200).get("/api/v1/reporting-months/{month}/units", month).then().statusCode(200)
                .body("items.find { it.unit.code == 'ZZ-EDU' }.standing", equalTo("SUBMITTED_LATE"))
                .body("items.find { it.unit.code == 'ZZ-DRC' }.standing", equalTo("MISSING"));
        as(user("liaison-drc")).get("/api/v1/reports/{id}", report).then().statusCode(404);

        // The report's difficulty is a problem; the office classifies it.
        long problem = as(office).queryParam("source", "REPORT").queryParam("unitId", unitOf("ZZ-EDU")).queryParam("size", 200)
                .get("/api/v1/problems").then().statusCode(200).extract().jsonPath()
                .getLong("items.find { it.sourceRef == %d }.id".formatted(report));
        as(office).body("{\"category\": \"LAND\", \"coordinationLevel\": \"UNIT\", \"version\": %d}"
                .formatted(version(office, "/api/v1/problems/" + problem))).post("/api/v1/problems/{id}/classifications", problem)
                .then().statusCode(200);

        // This month's regular office session (the schedule may already have planned it: then it is the same one).
        var planned = as(office).body("{\"month\": \"%s\"}".formatted(java.time.YearMonth.from(today)))
                .post("/api/v1/regular-sessions").then().extract();
        assertThat(planned.statusCode()).isIn(200, 201);
        long session = planned.jsonPath().getLong("id");
        assertThat(planned.jsonPath().getString("type")).isEqualTo("REGULAR");
        assertThat(planned.jsonPath().getList("agendaUnits.code", String.class)).contains("ZZ-TRANS");
        as(office).body("{\"month\": \"%s\"}".formatted(java.time.YearMonth.from(today))).post("/api/v1/regular-sessions").then()
                .statusCode(200).body("id", equalTo((int) session));

        // A key item to the education bureau: a leader cannot issue it, the office can; a supervision case opens.
        String ticket = """
                {"items": [{"problemId": %d, "leadUnitId": %d, "deadline": "%s", "key": true, "requirement": "一个月内完成用地报批"}]}"""
                .formatted(problem, unitOf("ZZ-EDU"), today.plusDays(30));
        as(leader).body(ticket).post("/api/v1/sessions/{id}/tickets", session).then().statusCode(403);
        long item = as(office).body(ticket).post("/api/v1/sessions/{id}/tickets", session).then().statusCode(201)
                .body("number", org.hamcrest.Matchers.matchesPattern("交办〔\\d{4}〕\\d+号")).extract().jsonPath().getLong("items[0].id");
        long caseId = as(supervisor).queryParam("status", "OPEN").queryParam("size", 200).get("/api/v1/supervision-cases").then()
                .statusCode(200).extract().jsonPath().getLong("items.find { it.item.id == %d }.id".formatted(item));
        as(user("liaison-trans")).get("/api/v1/ticket-items/{id}", item).then().statusCode(404);

        // Signed for, reported done, returned, done again, verified: the case and the problem close.
        as(edu).body("{\"version\": %d}".formatted(version(edu, "/api/v1/ticket-items/" + item)))
                .post("/api/v1/ticket-items/{id}/acknowledgements", item).then().statusCode(200).body("state", equalTo("ACKNOWLEDGED"));
        as(edu).body("{\"text\": \"已上报\", \"version\": %d}".formatted(version(edu, "/api/v1/ticket-items/" + item)))
                .post("/api/v1/ticket-items/{id}/completions", item).then().statusCode(200);
        as(office).body("{\"text\": \"未附批复\", \"version\": %d}".formatted(version(office, "/api/v1/ticket-items/" + item)))
                .post("/api/v1/ticket-items/{id}/returns", item).then().statusCode(200).body("state", equalTo("RETURNED"));
        as(edu).body("{\"version\": %d}".formatted(version(edu, "/api/v1/ticket-items/" + item)))
                .post("/api/v1/ticket-items/{id}/verifications", item).then().statusCode(403);
        as(edu).body("{\"text\": \"已取得批复\", \"version\": %d}".formatted(version(edu, "/api/v1/ticket-items/" + item)))
                .post("/api/v1/ticket-items/{id}/completions", item).then().statusCode(200);
        as(office).body("{\"version\": %d}".formatted(version(office, "/api/v1/ticket-items/" + item)))
                .post("/api/v1/ticket-items/{id}/verifications", item).then().statusCode(200).body("state", equalTo("VERIFIED"));
        as(supervisor).get("/api/v1/supervision-cases/{id}", caseId).then().statusCode(200).body("status", equalTo("CLOSED"));
        as(edu).get("/api/v1/supervision-cases/{id}/history", caseId).then().statusCode(200)
                .body("items.to", equalTo(java.util.List.of("OPEN", "CLOSED"))).body("items[1].actorName", notNullValue());
        as(office).get("/api/v1/problems/{id}", problem).then().body("status", equalTo("CLOSED"));
        as(office).get("/api/v1/ticket-items/{id}/history", item).then().statusCode(200)
                .body("items.to", equalTo(java.util.List.of("ISSUED", "ACKNOWLEDGED", "DONE_REPORTED", "RETURNED", "DONE_REPORTED", "VERIFIED")));
    }

    static long unitOf(String code) {
        return as(user("office")).queryParam("q", code).get("/api/v1/units").then().statusCode(200).extract().jsonPath()
                .getLong("items.find { it.code == '" + code + "' }.id");
    }

    // ---- tokens the API must refuse --------------------------------------------------------------------

    @Test
    void forgedTokenIsRefused() {
        String[] parts = user("office").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"office\"", "\"admin\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + parts[2];
        as(forged).get("/api/v1/tasks").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void expiredTokenIsRefused() throws InterruptedException {
        String shortLived = password("duban-test-short", "office", "office-demo");
        as(shortLived).get("/api/v1/cities").then().statusCode(200);
        Thread.sleep(4000);
        as(shortLived).get("/api/v1/cities").then().statusCode(401).header("WWW-Authenticate", containsString("Bearer"));
    }

    @Test
    void tokenForAnotherAudienceIsRefused() {
        as(password("other-app", "office", "office-demo")).get("/api/v1/tasks").then().statusCode(401);
    }

    @Test
    void noTokenIsRefusedButHealthAndContractAreOpen() {
        given().get("/api/v1/tasks").then().statusCode(401).contentType("application/problem+json");
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }
}
