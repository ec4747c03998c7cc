package cn.gov.zhuzhou.duban.supervision;

import static cn.gov.zhuzhou.duban.support.Api.asJson;
import static cn.gov.zhuzhou.duban.support.Api.liaison;
import static cn.gov.zhuzhou.duban.support.Api.office;
import static cn.gov.zhuzhou.duban.support.Api.supervisor;
import static cn.gov.zhuzhou.duban.support.Api.taskId;
import static cn.gov.zhuzhou.duban.support.Api.unitId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.zhuzhou.duban.support.Fixtures;
import cn.gov.zhuzhou.duban.support.TestClock;
import cn.gov.zhuzhou.duban.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole cycle as annex 2 describes it, on a moved clock: month end, reports (one late, one missing), the monthly
 * session, a ticket with a key item, signature, overdue, supervision, done, returned, done, verified, case closed.
 */
@QuarkusTest
class SupervisionCycleTest {

    @Inject
    TestClock clock;

    @Inject
    cn.gov.zhuzhou.duban.dispatch.RegularSessionPlanner schedule;

    @BeforeEach
    void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }




    static RequestSpecification drc() {
        return liaison("ZZ-DRC");
    }

    static long itemVersion(long item) {
        return Fixtures.version("/api/v1/ticket-items/" + item);
    }

    static JsonPath caseOf(long item) {
        List<Map<String, Object>> cases = supervisor().queryParam("size", 200).get("/api/v1/supervision-cases").then().statusCode(200)
                .extract().jsonPath().getList("items");
        Map<String, Object> found = cases.stream().filter(c -> ((Number) ((Map<?, ?>) c.get("item")).get("id")).longValue() == item)
                .findFirst().orElseThrow(() -> new AssertionError("no case for item " + item));
        return supervisor().get("/api/v1/supervision-cases/{id}", found.get("id")).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theWholeDispatchCycleEndsWithTheCaseClosed() {
        // Month end: January 2025 (a month no other test uses). The development commission reports late, transport never.
        clock.set(LocalDateTime.of(2025, 2, 7, 9, 0));
        long report = drc().body("""
                {"month": "2025-01", "entries": [{"taskId": %d, "workDone": "物流枢纽规划编制", "progressPercent": 30, "track": "AT_RISK"}],
                 "problems": "物流园区用地指标不足"}""".formatted(taskId("N6"))).post("/api/v1/reports").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        drc().body("{\"version\": %d}".formatted(Fixtures.version("/api/v1/reports/" + report)))
                .post("/api/v1/reports/{id}/submissions", report).then().statusCode(200).body("daysLate", equalTo(2));
        office().queryParam("size", 200).get("/api/v1/reporting-months/2025-01/units").then().statusCode(200)
                .body("items.find { it.unit.code == 'ZZ-DRC' }.standing", equalTo("SUBMITTED_LATE"))
                .body("items.find { it.unit.code == 'ZZ-TRANS' }.standing", equalTo("MISSING"));

        // The report's difficulty becomes a problem; the office classifies it and takes it to the monthly session.
        long problem = office().queryParam("source", "REPORT").queryParam("size", 200).get("/api/v1/problems").then().extract()
                .jsonPath().getLong("items.find { it.sourceRef == %d }.id".formatted(report));
        office().body("""
                {"category": "LAND", "coordinationLevel": "UNIT", "version": %d}""".formatted(Fixtures.version("/api/v1/problems/" + problem)))
                .post("/api/v1/problems/{id}/classifications", problem).then().statusCode(200);
        // That night the schedule plans February's regular office session: transport, which never reported, is called to
        // account; the development commission, late but in, is not; the new problem is on the agenda.
        clock.set(LocalDateTime.of(2025, 2, 8, 1, 0));
        long session = schedule.planThisMonthIfDue().orElseThrow().session().id();
        JsonPath monthly = office().get("/api/v1/sessions/{id}", session).then().statusCode(200).extract().jsonPath();
        assertThat(monthly.getString("regularMonth")).isEqualTo("2025-02");
        assertThat(monthly.getString("heldOn")).isEqualTo("2025-02-10");
        assertThat(monthly.getList("agendaUnits.code", String.class)).contains("ZZ-TRANS").doesNotContain("ZZ-DRC");
        assertThat(monthly.getList("agendaProblemIds", Long.class)).contains(problem);
        clock.set(LocalDateTime.of(2025, 2, 10, 16, 0));
        long item = office().body("""
                {"items": [{"problemId": %d, "leadUnitId": %d, "deadline": "2025-02-28", "key": true, "requirement": "2月底前落实用地指标"}]}"""
                .formatted(problem, unitId("株洲市发展和改革委员会"))).post("/api/v1/sessions/{id}/tickets", session).then().statusCode(201)
                .body("number", equalTo("交办〔2025〕1号")).extract().jsonPath().getLong("items[0].id");

        // A key item opens a case at once.
        JsonPath opened = caseOf(item);
        assertThat(opened.getString("reason")).isEqualTo("KEY");
        assertThat(opened.getString("status")).isEqualTo("OPEN");
        assertThat(opened.getString("reportAddressedTo")).isEqualTo("书记、市长");

        clock.set(LocalDateTime.of(2025, 2, 11, 9, 0));
        drc().body("{\"version\": %d}".formatted(itemVersion(item))).post("/api/v1/ticket-items/{id}/acknowledgements", item).then()
                .statusCode(200);

        // March: overdue. The sweep opens no second case for it; the supervisor urges, the unit replies.
        clock.set(LocalDateTime.of(2025, 3, 5, 9, 0));
        office().get("/api/v1/ticket-items/{id}", item).then().body("overdue", equalTo(true));
        supervisor().post("/api/v1/supervision-sweeps").then().statusCode(200);
        long caseId = opened.getLong("id");
        supervisor().body("""
                {"means": "DOCUMENT", "toWhom": "市发展和改革委员会主任", "content": "请于3月10日前落实", "actedOn": "2025-03-05"}""")
                .post("/api/v1/supervision-cases/{id}/urgings", caseId).then().statusCode(200);
        drc().body("{\"content\": \"已报省厅，预计3月8日批复\"}").post("/api/v1/supervision-cases/{id}/replies", caseId).then()
                .statusCode(200).body("actions.kind", equalTo(List.of("URGING", "REPLY")));
        asJson(Tokens.liaison("ZZ-EDU")).get("/api/v1/supervision-cases/{id}", caseId).then().statusCode(404);

        // Done reported, returned, done again, verified: the case closes.
        drc().body("{\"text\": \"已报省厅\", \"version\": %d}".formatted(itemVersion(item))).post("/api/v1/ticket-items/{id}/completions", item)
                .then().statusCode(200);
        office().body("{\"text\": \"未取得批复\", \"version\": %d}".formatted(itemVersion(item))).post("/api/v1/ticket-items/{id}/returns", item)
                .then().statusCode(200);
        assertThat(caseOf(item).getString("status")).isEqualTo("OPEN");
        drc().body("{\"text\": \"已取得省厅批复\", \"version\": %d}".formatted(itemVersion(item)))
                .post("/api/v1/ticket-items/{id}/completions", item).then().statusCode(200);
        office().body("{\"version\": %d}".formatted(itemVersion(item))).post("/api/v1/ticket-items/{id}/verifications", item).then()
                .statusCode(200);
        assertThat(caseOf(item).getString("status")).isEqualTo("CLOSED");
        office().get("/api/v1/problems/{id}", problem).then().body("status", equalTo("CLOSED"));

        // Found not done after all: the office returns the verified item, and the case reopens.
        office().body("{\"text\": \"批复附条件未落实\", \"version\": %d}".formatted(itemVersion(item)))
                .post("/api/v1/ticket-items/{id}/returns", item).then().statusCode(200);
        assertThat(caseOf(item).getString("status")).isEqualTo("OPEN");
        office().get("/api/v1/problems/{id}", problem).then().body("status", equalTo("CLASSIFIED"));

        // The case's life is kept as history: opened for the key item, closed on verification, reopened on the return.
        JsonPath history = drc().get("/api/v1/supervision-cases/{id}/history", caseId).then().statusCode(200).extract().jsonPath();
        assertThat(history.getList("items.to")).containsExactly("OPEN", "CLOSED", "OPEN");
        assertThat(history.getList("items.from")).containsExactly(null, "OPEN", "CLOSED");
        assertThat(history.getString("items[0].reason")).isEqualTo("重点交办事项，自动立案");
        assertThat(history.getString("items[1].reason")).isEqualTo("交办事项已核验办结");
        assertThat(history.getString("items[2].reason")).isEqualTo("交办事项被退回：批复附条件未落实");
        assertThat(history.getString("items[2].actor")).isEqualTo("office-1");
        assertThat(history.getString("items[2].at")).startsWith("2025-03-05T09:00:00+08:00");
        asJson(Tokens.liaison("ZZ-EDU")).get("/api/v1/supervision-cases/{id}/history", caseId).then().statusCode(404);

        supervisor().body("{\"report\": \"经督办，市发改委已取得用地批复，附条件正在落实。\", \"version\": %d}"
                .formatted(Fixtures.version("/api/v1/supervision-cases/" + caseId))).post("/api/v1/supervision-cases/{id}/reports", caseId)
                .then().statusCode(200).body("report", equalTo("经督办，市发改委已取得用地批复，附条件正在落实。"));

        // The quarterly round lists the open case and the late units.
        JsonPath round = supervisor().get("/api/v1/supervision-rounds/2025-Q1").then().statusCode(200).extract().jsonPath();
        assertThat(round.getList("openCases.id", Integer.class)).contains((int) caseId);
        assertThat(round.getList("lateUnits.unit.code")).contains("ZZ-DRC", "ZZ-TRANS");
        assertThat(round.getList("lateUnits.find { it.unit.code == 'ZZ-DRC' }.lateReportMonths")).containsExactly("2025-01");
    }

    @Test
    void anOverdueItemOpensACaseOnTheNightlySweep() {
        clock.set(LocalDateTime.of(2026, 12, 5, 9, 0));
        long item = Fixtures.newTicketItem();
        clock.set(LocalDateTime.of(2027, 6, 1, 9, 0));
        supervisor().post("/api/v1/supervision-sweeps").then().statusCode(200);
        assertThat(caseOf(item).getString("reason")).isEqualTo("OVERDUE");
        supervisor().body("{\"itemId\": %d}".formatted(item)).post("/api/v1/supervision-cases").then().statusCode(409);
    }

    @Test
    void anUrgingIsDatedNeitherAfterTodayNorBeforeTheCaseOpened() {
        clock.set(LocalDateTime.of(2027, 3, 1, 9, 0));
        long item = office().body("""
                {"items": [{"problemId": %d, "leadUnitId": %d, "deadline": "2027-03-31", "key": false, "requirement": "按期办结"}]}"""
                .formatted(Fixtures.classifiedProblem(), unitId("株洲市教育局"))).post("/api/v1/sessions/{id}/tickets", Fixtures.newSession())
                .then().statusCode(201).extract().jsonPath().getLong("items[0].id");
        long caseId = supervisor().body("{\"itemId\": %d}".formatted(item)).post("/api/v1/supervision-cases").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        String urging = """
                {"means": "PHONE", "toWhom": "市教育局局长", "content": "请加快办理", "actedOn": "%s"}""";
        for (String refused : List.of("2027-03-02", "2099-01-01", "2027-02-28")) {
            supervisor().body(urging.formatted(refused)).post("/api/v1/supervision-cases/{id}/urgings", caseId).then().statusCode(400)
                    .contentType("application/problem+json").body("violations[0].field", equalTo("actedOn"));
        }
        supervisor().get("/api/v1/supervision-cases/{id}", caseId).then().body("actions.size()", equalTo(0));
        supervisor().body(urging.formatted("2027-03-01")).post("/api/v1/supervision-cases/{id}/urgings", caseId).then().statusCode(200);
        // The next day the minimum interval has passed, and a real urging goes through.
        clock.set(LocalDateTime.of(2027, 3, 2, 9, 0));
        supervisor().body(urging.formatted("2027-03-02")).post("/api/v1/supervision-cases/{id}/urgings", caseId).then().statusCode(200)
                .body("actions.actedOn", equalTo(List.of("2027-03-01", "2027-03-02")));
    }
}
