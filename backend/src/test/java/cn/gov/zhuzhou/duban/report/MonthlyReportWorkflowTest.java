package cn.gov.zhuzhou.duban.report;

import static cn.gov.zhuzhou.duban.support.Api.liaison;
import static cn.gov.zhuzhou.duban.support.Api.office;
import static cn.gov.zhuzhou.duban.support.Api.as;
import static cn.gov.zhuzhou.duban.support.Api.given;
import static cn.gov.zhuzhou.duban.support.Api.taskId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.zhuzhou.duban.support.Fixtures;
import cn.gov.zhuzhou.duban.support.TestClock;
import cn.gov.zhuzhou.duban.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The monthly report of annex 2, rule 5, walked through a month end with the clock moved, not slept. */
@QuarkusTest
class MonthlyReportWorkflowTest {

    static final String EDUCATION = "ZZ-EDU", TRANSPORT = "ZZ-TRANS", DEVELOPMENT = "ZZ-DRC";

    @Inject
    TestClock clock;

    @BeforeEach
    void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }



    static long draft(String unit, String month, String taskCode, int percent) {
        return liaison(unit).body("""
                {"month": "%s", "entries": [{"taskId": %d, "workDone": "%s 本月推进情况", "progressPercent": %d, "track": "ON_TRACK"}],
                 "problems": "用地报批进度慢"}""".formatted(month, taskId(taskCode), taskCode, percent))
                .post("/api/v1/reports").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static JsonPath submit(String unit, long id) {
        long version = liaison(unit).get("/api/v1/reports/{id}", id).then().extract().jsonPath().getLong("version");
        return liaison(unit).body("{\"version\": %d}".formatted(version)).post("/api/v1/reports/{id}/submissions", id).then()
                .statusCode(200).extract().jsonPath();
    }

    static Map<String, String> standings(String month) {
        List<Map<String, Object>> rows = as(Tokens.office()).queryParam("size", 200).get("/api/v1/reporting-months/{m}/units", month)
                .then().statusCode(200).extract().jsonPath().getList("items");
        return rows.stream().collect(Collectors.toMap(r -> (String) ((Map<?, ?>) r.get("unit")).get("code"),
                r -> r.get("standing") + "/" + r.get("daysLate")));
    }

    @Test
    void monthEndOnTimeLateAndMissingThenReturnedAndResubmitted() {
        // 3 November: the education bureau reports October on time.
        clock.set(LocalDateTime.of(2026, 11, 3, 10, 0));
        long education = draft(EDUCATION, "2026-10", "N8.2", 30);
        JsonPath submitted = submit(EDUCATION, education);
        assertThat(submitted.getString("status")).isEqualTo("SUBMITTED");
        assertThat(submitted.getBoolean("late")).isFalse();
        assertThat(submitted.getInt("revision")).isEqualTo(1);

        // 8 November: the transport bureau reports three days late; the development commission never reports.
        clock.set(LocalDateTime.of(2026, 11, 8, 15, 30));
        long transport = draft(TRANSPORT, "2026-10", "N5.1", 20);
        JsonPath late = submit(TRANSPORT, transport);
        assertThat(late.getBoolean("late")).isTrue();
        assertThat(late.getInt("daysLate")).isEqualTo(3);

        Map<String, String> october = standings("2026-10");
        assertThat(october).containsEntry(EDUCATION, "SUBMITTED_ON_TIME/0").containsEntry(TRANSPORT, "SUBMITTED_LATE/3")
                .containsEntry(DEVELOPMENT, "MISSING/3");

        // Submitting moved the task and left a trace in its progress history.
        given().get("/api/v1/tasks/{id}", taskId("N8.2")).then().body("progressPercent", equalTo(30));
        given().get("/api/v1/tasks/{id}/progress", taskId("N8.2")).then()
                .body("items.find { it.note.startsWith('2026-10 月报') }.source", equalTo("UNIT"))
                .body("items.find { it.note.startsWith('2026-10 月报') }.progressPercent", equalTo(30));

        // The office returns the education report; the bureau revises and submits again (9 November: now late).
        long version = office().get("/api/v1/reports/{id}", education).then().extract().jsonPath().getLong("version");
        office().body("{\"reason\": \"请补充项目资金到位情况\", \"version\": %d}".formatted(version))
                .post("/api/v1/reports/{id}/returns", education).then().statusCode(200)
                .body("status", equalTo("RETURNED")).body("returnReason", equalTo("请补充项目资金到位情况"));
        clock.set(LocalDateTime.of(2026, 11, 9, 9, 0));
        long revised = liaison(EDUCATION).get("/api/v1/reports/{id}", education).then().extract().jsonPath().getLong("version");
        liaison(EDUCATION).body("""
                {"entries": [{"taskId": %d, "workDone": "补充：资金已到位 60%%", "progressPercent": 35, "track": "AT_RISK"}],
                 "version": %d}""".formatted(taskId("N8.2"), revised)).header("If-Match", Fixtures.etag("/api/v1/reports/" + education)).put("/api/v1/reports/{id}", education).then().statusCode(200);
        JsonPath again = submit(EDUCATION, education);
        assertThat(again.getInt("revision")).isEqualTo(2);
        assertThat(again.getInt("daysLate")).isEqualTo(4);

        List<Map<String, Object>> revisions = liaison(EDUCATION).get("/api/v1/reports/{id}/revisions", education).then()
                .statusCode(200).extract().jsonPath().getList("items");
        assertThat(revisions).hasSize(2);
        // A snapshot is the object that was submitted, not JSON text inside JSON.
        JsonPath history = liaison(EDUCATION).get("/api/v1/reports/{id}/revisions", education).then().extract().jsonPath();
        assertThat(history.getString("items[0].snapshot.entries[0].workDone")).contains("N8.2 本月推进情况");
        assertThat(history.getLong("items[0].snapshot.entries[0].taskId")).isEqualTo(taskId("N8.2"));
        assertThat(history.getString("items[1].snapshot.entries[0].workDone")).contains("资金已到位");
        assertThat(history.getInt("items[1].snapshot.entries[0].progressPercent")).isEqualTo(35);
        assertThat(history.getString("items[1].snapshot.entries[0].track")).isEqualTo("AT_RISK");
        assertThat(liaison(EDUCATION).get("/api/v1/reports/{id}/history", education).then().statusCode(200).extract().jsonPath()
                .getList("items.to")).containsExactly("DRAFT", "SUBMITTED", "RETURNED", "SUBMITTED");
        assertThat(liaison(EDUCATION).get("/api/v1/reports/{id}/history", education).then().extract().jsonPath()
                .getString("items[2].reason")).isEqualTo("请补充项目资金到位情况");
    }

    @Test
    void aSubmittedReportChangesOnlyThroughAReturn() {
        clock.set(LocalDateTime.of(2026, 10, 2, 9, 0));
        long id = draft(EDUCATION, "2026-09", "N8.1", 10);
        submit(EDUCATION, id);
        long version = liaison(EDUCATION).get("/api/v1/reports/{id}", id).then().extract().jsonPath().getLong("version");
        liaison(EDUCATION).body("""
                {"entries": [{"taskId": %d, "workDone": "改写", "progressPercent": 99, "track": "ON_TRACK"}], "version": %d}"""
                .formatted(taskId("N8.1"), version)).header("If-Match", Fixtures.etag("/api/v1/reports/" + id)).put("/api/v1/reports/{id}", id).then().statusCode(409)
                .body("type", endsWith("/illegal-transition")).body("detail", containsString("SUBMITTED"));
        liaison(EDUCATION).body("{\"version\": %d}".formatted(version)).post("/api/v1/reports/{id}/submissions", id).then()
                .statusCode(409).body("detail", containsString("SUBMITTED"));
        liaison(EDUCATION).get("/api/v1/reports/{id}", id).then().body("entries[0].progressPercent", equalTo(10))
                .body("version", equalTo((int) version));
    }

    @Test
    void onlyASubmittedReportCanBeReturned() {
        clock.set(LocalDateTime.of(2026, 9, 2, 9, 0));
        long id = draft(EDUCATION, "2026-08", "N8.1", 5);
        office().body("{\"reason\": \"退回\", \"version\": 0}").post("/api/v1/reports/{id}/returns", id).then().statusCode(409)
                .body("detail", containsString("DRAFT"));
    }

    @Test
    void twoSubmissionsOfTheSameVersionCannotBothWin() {
        clock.set(LocalDateTime.of(2026, 8, 3, 9, 0));
        long id = draft(TRANSPORT, "2026-07", "N5.1", 5);
        long version = liaison(TRANSPORT).get("/api/v1/reports/{id}", id).then().extract().jsonPath().getLong("version");
        String body = "{\"version\": %d}".formatted(version);
        int first = liaison(TRANSPORT).body(body).post("/api/v1/reports/{id}/submissions", id).then().extract().statusCode();
        int second = liaison(TRANSPORT).body(body).post("/api/v1/reports/{id}/submissions", id).then().extract().statusCode();
        assertThat(List.of(first, second)).containsExactly(200, 409);
        assertThat(liaison(TRANSPORT).get("/api/v1/reports/{id}/revisions", id).then().extract().jsonPath().getList("items")).hasSize(1);
    }

    @Test
    void aLiaisonWorksOnlyInItsOwnHouse() {
        clock.set(LocalDateTime.of(2026, 7, 3, 9, 0));
        long transport = draft(TRANSPORT, "2026-06", "N5.1", 5);
        liaison(EDUCATION).get("/api/v1/reports/{id}", transport).then().statusCode(404).contentType("application/problem+json");
        liaison(EDUCATION).body("{\"version\": 0}").post("/api/v1/reports/{id}/submissions", transport).then().statusCode(404);
        liaison(EDUCATION).get("/api/v1/reports?unitId={u}", given().get("/api/v1/reports/{id}", transport).then().extract()
                .jsonPath().getLong("unit.id")).then().statusCode(200).body("totalItems", equalTo(0));
        // a task the education bureau does not answer for
        liaison(EDUCATION).body("""
                {"month": "2026-06", "entries": [{"taskId": %d, "workDone": "越权", "progressPercent": 5, "track": "ON_TRACK"}]}"""
                .formatted(taskId("N1"))).post("/api/v1/reports").then().statusCode(400)
                .body("violations[0].field", equalTo("entries[0].taskId"));
        office().body("""
                {"month": "2026-06", "entries": [{"taskId": %d, "workDone": "代报", "progressPercent": 5, "track": "ON_TRACK"}]}"""
                .formatted(taskId("N8.1"))).post("/api/v1/reports").then().statusCode(403);
        given().get("/api/v1/reports/{id}", transport).then().statusCode(200).body("status", equalTo("DRAFT"));
    }

    @Test
    void onlyEndedMonthsOnceEach() {
        clock.set(LocalDateTime.of(2026, 6, 10, 9, 0));
        liaison(DEVELOPMENT).body("""
                {"month": "2026-06", "entries": [{"taskId": %d, "workDone": "本月", "progressPercent": 5, "track": "ON_TRACK"}]}"""
                .formatted(taskId("N6"))).post("/api/v1/reports").then().statusCode(400).body("violations[0].field", equalTo("month"));
        draft(DEVELOPMENT, "2026-05", "N6", 5);
        liaison(DEVELOPMENT).body("""
                {"month": "2026-05", "entries": [{"taskId": %d, "workDone": "重复", "progressPercent": 5, "track": "ON_TRACK"}]}"""
                .formatted(taskId("N6"))).post("/api/v1/reports").then().statusCode(409);
    }

    static long reportOn(long task, String month, int percent) {
        long id = liaison(TRANSPORT).body("""
                {"month": "%s", "entries": [{"taskId": %d, "workDone": "%s 推进情况", "progressPercent": %d, "track": "ON_TRACK"}]}"""
                .formatted(month, task, month, percent)).post("/api/v1/reports").then().statusCode(201).extract().jsonPath().getLong("id");
        submit(TRANSPORT, id);
        return id;
    }

    @Test
    void anOlderMonthsReportDoesNotOverwriteTheTasksCurrentProgress() {
        long task = cn.gov.zhuzhou.duban.support.Api.aTask("进度以最近月份为准");
        String older = cn.gov.zhuzhou.duban.support.Fixtures.freshMonth();
        String newer = cn.gov.zhuzhou.duban.support.Fixtures.freshMonth();
        reportOn(task, newer, 40);
        reportOn(task, older, 20);
        JsonPath current = cn.gov.zhuzhou.duban.support.Api.task(task);
        assertThat(current.getInt("progressPercent")).isEqualTo(40);
        assertThat(current.getString("status")).isEqualTo("IN_PROGRESS");
    }

    @Test
    void aZeroPercentReportLeavesANotStartedTaskNotStarted() {
        long task = cn.gov.zhuzhou.duban.support.Api.aTask("零进度不算开工");
        reportOn(task, cn.gov.zhuzhou.duban.support.Fixtures.freshMonth(), 0);
        JsonPath current = cn.gov.zhuzhou.duban.support.Api.task(task);
        assertThat(current.getString("status")).isEqualTo("NOT_STARTED");
        assertThat(current.getInt("progressPercent")).isEqualTo(0);
    }
}
