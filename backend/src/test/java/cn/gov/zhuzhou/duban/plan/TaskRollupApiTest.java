package cn.gov.zhuzhou.duban.plan;

import static cn.gov.zhuzhou.duban.support.Api.given;
import static cn.gov.zhuzhou.duban.support.Api.json;
import static cn.gov.zhuzhou.duban.support.Api.scratchPlanId;
import static cn.gov.zhuzhou.duban.support.Api.task;
import static cn.gov.zhuzhou.duban.support.Api.unique;
import static cn.gov.zhuzhou.duban.support.Api.unitId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.zhuzhou.duban.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Roll-up, milestone-shaped expected progress and tasks as they stood, through the API: a scratch parent with three
 * weighted sub-tasks in the scratch plan (1 Jan - 31 Dec 2026).
 */
@QuarkusTest
class TaskRollupApiTest {

    @Inject
    TestClock clock;
    @Inject
    TaskService tasks;

    @BeforeEach
    void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    static long create(Long parentId, String title, Integer weight, String extra) {
        String body = """
                {"planId": %d, "parentId": %s, "code": "%s", "kind": "NEAR_TERM", "title": "%s", "weight": %s,
                 "responsibleUnits": [{"unitId": %d, "role": "MAIN"}], "deadline": "2026-12-31"%s}
                """.formatted(scratchPlanId(), parentId, unique("R"), title, weight, unitId("株洲市交通运输局"), extra);
        return json().body(body).post("/api/v1/tasks").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static void report(long id, String status, int percent) {
        json().body("""
                {"status": "%s", "progressPercent": %d, "note": "推进中", "version": %d}"""
                .formatted(status, percent, task(id).getLong("version"))).post("/api/v1/tasks/{id}/progress", id).then().statusCode(200);
    }

    @Test
    void aParentRollsUpFromItsWeightedSubTasksAndKeepsItsReportedFigure() {
        clock.set(LocalDateTime.of(2026, 7, 2, 10, 0)); // halfway: 50 % expected
        long parent = create(null, "上级任务", null, "");
        long a = create(parent, "子任务甲", 2, "");
        long b = create(parent, "子任务乙", 1, "");
        long c = create(parent, "子任务丙", 1, "");
        report(parent, "IN_PROGRESS", 5); // the parent's own reported figure stays as reported
        report(a, "COMPLETED", 100);
        report(b, "IN_PROGRESS", 40);
        // c not started: (2*100 + 40 + 0) / 4 = 60

        given().get("/api/v1/tasks/{id}", parent).then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS")).body("progressPercent", equalTo(5))
                .body("derivedStatus", equalTo("IN_PROGRESS")).body("derivedProgressPercent", equalTo(60))
                .body("light.reportedPercent", equalTo(60)).body("light.color", equalTo("GREEN"));
        given().get("/api/v1/tasks/{id}", a).then().statusCode(200).body("weight", equalTo(2))
                .body("derivedProgressPercent", equalTo(100)).body("derivedStatus", equalTo("COMPLETED"));
        String node = "tasks.find { it.id == %d }".formatted(parent);
        given().get("/api/v1/plans/{id}/tree", scratchPlanId()).then().statusCode(200)
                .body(node + ".progressPercent", equalTo(5))
                .body(node + ".derivedProgressPercent", equalTo(60))
                .body(node + ".derivedStatus", equalTo("IN_PROGRESS"))
                .body(node + ".light.reportedPercent", equalTo(60))
                .body(node + ".children.find { it.id == %d }.derivedProgressPercent".formatted(b), equalTo(40))
                .body(node + ".children.find { it.id == %d }.weight".formatted(a), equalTo(2));
        // the list shows the derived figure too
        given().queryParam("planId", scratchPlanId()).queryParam("size", 200).get("/api/v1/tasks").then().statusCode(200)
                .body("items.find { it.id == %d }.derivedProgressPercent".formatted(parent), equalTo(60));

        report(b, "COMPLETED", 100);
        report(c, "COMPLETED", 100);
        given().get("/api/v1/tasks/{id}", parent).then().statusCode(200)
                .body("progressPercent", equalTo(5)).body("derivedStatus", equalTo("COMPLETED"))
                .body("derivedProgressPercent", equalTo(100)).body("light.color", equalTo("DONE"));
    }

    @Test
    void milestonesWithAPlannedPercentShapeTheExpectedProgress() {
        clock.set(LocalDateTime.of(2026, 3, 31, 10, 0));
        long id = create(null, "按节点推进", null, """
                , "startDate": "2026-02-01", "milestones": [
                  {"title": "完成方案", "dueDate": "2026-03-31", "plannedPercent": 40},
                  {"title": "完成建设", "dueDate": "2026-09-30", "plannedPercent": 90}]""");
        report(id, "IN_PROGRESS", 35);
        given().get("/api/v1/tasks/{id}", id).then().statusCode(200)
                .body("startDate", equalTo("2026-02-01"))
                .body("milestones[0].plannedPercent", equalTo(40))
                .body("light.expectedPercent", equalTo(40)).body("light.color", equalTo("GREEN"));
        // linear from 1 Feb would expect 58/333 = 17 %; linear from the plan's start 24 %: the milestone decides
        clock.set(LocalDateTime.of(2026, 6, 30, 10, 0)); // 91 of 183 days from 31 Mar: 40 + 50*91/183 = 64.9
        given().get("/api/v1/tasks/{id}", id).then().statusCode(200)
                .body("light.expectedPercent", equalTo(65)).body("light.color", equalTo("RED"))
                .body("light.reason", equalTo("落后序时进度30个百分点"));
    }

    @Test
    void aScheduleThatCannotShapeProgressIsRefusedNamingTheField() {
        clock.set(LocalDateTime.of(2026, 3, 1, 10, 0));
        long parent = create(null, "校验", null, "");
        String base = """
                {"planId": %d, "code": "%s", "kind": "NEAR_TERM", "title": "校验", "deadline": "2026-12-31", %s}""";
        record Case(String fields, String field) {
        }
        for (Case c : List.of(
                new Case("\"startDate\": \"2027-01-05\"", "startDate"),
                new Case("\"weight\": 0", "weight"),
                new Case("\"milestones\": [{\"title\": \"甲\", \"dueDate\": \"2026-05-01\", \"plannedPercent\": 60}, "
                        + "{\"title\": \"乙\", \"dueDate\": \"2026-08-01\", \"plannedPercent\": 50}]", "milestones[1].plannedPercent"),
                new Case("\"milestones\": [{\"title\": \"甲\", \"dueDate\": \"2027-02-01\", \"plannedPercent\": 60}]", "milestones[0].dueDate"),
                new Case("\"startDate\": \"2026-04-01\", \"milestones\": [{\"title\": \"甲\", \"dueDate\": \"2026-03-01\", \"plannedPercent\": 10}]",
                        "milestones[0].dueDate"),
                new Case("\"milestones\": [{\"title\": \"甲\", \"plannedPercent\": 10}]", "milestones[0].dueDate"),
                new Case("\"milestones\": [{\"title\": \"甲\", \"dueDate\": \"2026-05-01\", \"plannedPercent\": 101}]", "milestones[0].plannedPercent"))) {
            json().body(base.formatted(scratchPlanId(), unique("V"), c.fields())).post("/api/v1/tasks").then()
                    .statusCode(400).contentType("application/problem+json").body("violations.field", equalTo(List.of(c.field())));
        }
        // bad input changes nothing
        given().get("/api/v1/tasks/{id}", parent).then().statusCode(200).body("weight", equalTo(null));
    }

    @Test
    void standingsShowTheProgressAsItStoodAtTheEndOfADay() {
        clock.set(LocalDateTime.of(2026, 4, 1, 9, 0));
        long parent = create(null, "时点上级", null, "");
        long a = create(parent, "时点甲", 3, "");
        long b = create(parent, "时点乙", null, "");
        clock.set(LocalDateTime.of(2026, 4, 10, 23, 30)); // late in the evening, Asia/Shanghai: still 10 April
        report(a, "IN_PROGRESS", 20);
        clock.set(LocalDateTime.of(2026, 4, 20, 8, 0));
        report(a, "IN_PROGRESS", 60);
        report(b, "IN_PROGRESS", 40);

        Function<LocalDate, Map<Long, TaskStanding>> on = day -> tasks.taskStandings(day, scratchPlanId()).stream()
                .collect(Collectors.toMap(TaskStanding::taskId, s -> s));
        Map<Long, TaskStanding> before = on.apply(LocalDate.of(2026, 4, 5));
        assertThat(before.get(a).progressPercent()).isZero();
        assertThat(before.get(a).status()).isEqualTo(TaskStatus.NOT_STARTED);
        assertThat(before.get(parent).status()).isEqualTo(TaskStatus.NOT_STARTED);

        Map<Long, TaskStanding> tenth = on.apply(LocalDate.of(2026, 4, 10));
        assertThat(tenth.get(a).progressPercent()).isEqualTo(20);
        assertThat(tenth.get(b).progressPercent()).isZero();
        assertThat(tenth.get(parent).progressPercent()).isEqualTo(15); // (3*20 + 0) / 4
        assertThat(tenth.get(parent).status()).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(tenth.get(parent).leaf()).isFalse();
        assertThat(tenth.get(a).leaf()).isTrue();
        assertThat(tenth.get(a).parentId()).isEqualTo(parent);
        assertThat(tenth.get(a).responsibleUnitIds()).containsExactly(unitId("株洲市交通运输局"));
        assertThat(tenth.get(a).planId()).isEqualTo(scratchPlanId());
        // 10 April: 99 of 364 days gone, 27 % expected; the parent at 15 is 12 behind: yellow
        assertThat(tenth.get(parent).light().expectedPercent()).isEqualTo(27);
        assertThat(tenth.get(parent).light().reportedPercent()).isEqualTo(15);
        assertThat(tenth.get(parent).light().color()).isEqualTo(ProgressLight.Color.YELLOW);

        Map<Long, TaskStanding> later = on.apply(LocalDate.of(2026, 4, 20));
        assertThat(later.get(a).progressPercent()).isEqualTo(60);
        assertThat(later.get(parent).progressPercent()).isEqualTo(55); // (3*60 + 40) / 4
        // the all-plans read carries the same rows
        assertThat(tasks.taskStandings(LocalDate.of(2026, 4, 10)).stream().filter(s -> s.taskId() == a).findFirst().orElseThrow()
                .progressPercent()).isEqualTo(20);
    }

    @Test
    void aPlansTreeComesGzippedToABrowserAndShowsAChangeMadeJustBefore() throws java.io.IOException {
        long parent = create(null, "树上级", null, "");
        long child = create(parent, "树下级", 1, "");
        // the raw bytes, as a browser receives them before it decodes them
        var raw = RestAssured.config().decoderConfig(io.restassured.config.DecoderConfig.decoderConfig().noContentDecoders());
        byte[] plain = given().config(raw).header("Accept-Encoding", "identity").get("/api/v1/plans/{id}/tree", scratchPlanId()).then()
                .statusCode(200).header("Content-Encoding", org.hamcrest.Matchers.nullValue())
                .header("Vary", org.hamcrest.Matchers.containsString("Accept-Encoding")).extract().asByteArray();
        byte[] gzipped = given().config(raw).header("Accept-Encoding", "gzip, deflate, br").get("/api/v1/plans/{id}/tree", scratchPlanId())
                .then().statusCode(200).header("Content-Encoding", "gzip").extract().asByteArray();
        byte[] unzipped = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped)).readAllBytes();
        var fromPlain = io.restassured.path.json.JsonPath.from(new String(plain, java.nio.charset.StandardCharsets.UTF_8));
        var fromGzip = io.restassured.path.json.JsonPath.from(new String(unzipped, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(fromGzip.getList("tasks")).isNotEmpty().isEqualTo(fromPlain.getList("tasks"));
        assertThat(fromPlain.getList("tasks.find { it.id == %d }.children.id".formatted(parent), Long.class)).containsExactly(child);

        // a tree read after a change shows it: requests share a build only when it started after they asked
        report(child, "IN_PROGRESS", 40);
        assertThat(given().get("/api/v1/plans/{id}/tree", scratchPlanId()).then().statusCode(200).extract().jsonPath()
                .getInt("tasks.find { it.id == %d }.children[0].progressPercent".formatted(parent))).isEqualTo(40);
    }
}
