package cn.gov.zhuzhou.duban.plan;

import static cn.gov.zhuzhou.duban.support.Api.aTask;
import static cn.gov.zhuzhou.duban.support.Api.json;
import static cn.gov.zhuzhou.duban.support.Api.planId;
import static cn.gov.zhuzhou.duban.support.Api.scratchPlanId;
import static cn.gov.zhuzhou.duban.support.Api.task;
import static cn.gov.zhuzhou.duban.support.Api.taskId;
import static cn.gov.zhuzhou.duban.support.Api.unique;
import static cn.gov.zhuzhou.duban.support.Api.unitId;
import static cn.gov.zhuzhou.duban.support.Api.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

import cn.gov.zhuzhou.duban.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TaskApiTest {

    static final String PROBLEM = "application/problem+json";

    @BeforeEach
    void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    // ---- listing ----------------------------------------------------------------------------------------

    @Test
    void listsFilterByKindAndLeadCity() {
        given().queryParam("planId", planId()).queryParam("kind", "LONG_TERM").get("/api/v1/tasks").then().statusCode(200)
                .body("totalItems", equalTo(6)).body("items.kind", everyItem(equalTo("LONG_TERM")));
        given().queryParam("planId", planId()).queryParam("leadCity", "ZZ").queryParam("sort", "code").get("/api/v1/tasks").then().statusCode(200)
                .body("items.code", equalTo(List.of("N14.2", "N6", "N8.2", "N9.1")));
    }

    @Test
    void listsFilterByResponsibleUnitAreaAndText() {
        given().queryParam("unitId", unitId("株洲市教育局")).get("/api/v1/tasks").then().statusCode(200)
                .body("items.code", hasItem("N8.2")).body("items.code", hasItem("L5")).body("items.code", hasItem("N8.1"));
        long areaId = given().get("/api/v1/plans/{id}/areas", planId()).then().extract().jsonPath()
                .getLong("find { it.name == '环境共治' }.id");
        given().queryParam("areaId", areaId).queryParam("planId", planId()).get("/api/v1/tasks").then().statusCode(200)
                .body("items.code", hasItem("L4")).body("items.code", hasItem("N14.3"));
        given().queryParam("q", "物流枢纽").get("/api/v1/tasks").then().statusCode(200).body("items.code", hasItem("N6"));
    }

    @Test
    void listsFilterByDeadlineRangeAndSortDescending() {
        given().queryParam("planId", planId()).queryParam("deadlineFrom", "2019-01-01").queryParam("deadlineTo", "2019-12-31").queryParam("sort", "-code")
                .get("/api/v1/tasks").then().statusCode(200).body("items.code", equalTo(List.of("N6", "N2")));
    }

    @Test
    void pagesCarryTotals() {
        JsonPath first = given().queryParam("size", 5).queryParam("page", 2).get("/api/v1/tasks").then().statusCode(200)
                .extract().jsonPath();
        assertThat(first.getList("items")).hasSize(5);
        assertThat(first.getInt("page")).isEqualTo(2);
        assertThat(first.getLong("totalItems")).isGreaterThanOrEqualTo(29);
        assertThat(first.getInt("totalPages")).isEqualTo((int) ((first.getLong("totalItems") + 4) / 5));
        given().queryParam("planId", planId()).queryParam("kind", "LONG_TERM").queryParam("page", 9).get("/api/v1/tasks").then().statusCode(200)
                .body("items", hasSize(0)).body("totalItems", equalTo(6));
    }

    @Test
    void pageSizeAbove200IsRefusedNotCapped() {
        given().queryParam("size", 201).get("/api/v1/tasks").then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("size"));
        given().queryParam("sort", "secret").get("/api/v1/tasks").then().statusCode(400).body("violations.field", hasItem("sort"));
        given().queryParam("deadlineFrom", "not-a-date").get("/api/v1/tasks").then().statusCode(400).contentType(PROBLEM);
    }

    // ---- writing ----------------------------------------------------------------------------------------

    @Test
    void officeCreatesASubTaskUnderAnItem() {
        long parent = aTask("城际公交（测试上级）");
        String code = unique("S");
        String body = """
                {"planId": %d, "parentId": %d, "code": "%s", "kind": "NEAR_TERM", "title": "推进城际公交线路加密",
                 "crossCityLead": {"cityCode": "CS", "unitIds": [%d]},
                 "responsibleUnits": [{"unitId": %d, "role": "MAIN"}],
                 "milestones": [{"title": "开通首条加密线路", "dueDate": "2026-06-30"}], "deadline": "2026-12-31"}
                """.formatted(scratchPlanId(), parent, code, unitId("长沙市交通运输局"), unitId("株洲市交通运输局"));
        long id = json().body(body).post("/api/v1/tasks").then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/tasks/\\d+"))
                .body("parentId", equalTo((int) parent)).body("crossCityLead.city.code", equalTo("CS"))
                .body("status", equalTo("NOT_STARTED")).body("audit.createdBy", equalTo("staff-1"))
                .body("audit.createdByName", equalTo("办公室管理员"))
                .extract().jsonPath().getLong("id");
        assertThat(task(id).getString("milestones[0].title")).isEqualTo("开通首条加密线路");
    }

    @Test
    void updateReplacesContentAndBumpsVersion() {
        long id = aTask("待更新任务");
        JsonPath before = task(id);
        String body = """
                {"title": "已更新任务", "status": "IN_PROGRESS", "progressPercent": 40, "deadline": "2027-03-31",
                 "responsibleUnits": [{"unitId": %d, "role": "LEAD"}, {"unitId": %d, "role": "COOPERATING"}],
                 "version": %d}
                """.formatted(unitId("株洲市交通运输局"), unitId("株洲市财政局"), before.getLong("version"));
        json().header("If-Match", Fixtures.etag("/api/v1/tasks/" + id)).body(body).put("/api/v1/tasks/{id}", id).then().statusCode(200)
                .body("title", equalTo("已更新任务")).body("progressPercent", equalTo(40))
                .body("responsibleUnits.role", equalTo(List.of("LEAD", "COOPERATING")))
                .body("version", equalTo(before.getInt("version") + 1));
    }

    @Test
    void anEditOnAStaleTagIsRefusedAndChangesNothing() {
        long id = aTask("并发编辑任务");
        String body = """
                {"title": "后来者", "status": "IN_PROGRESS", "progressPercent": 10, "version": 99}""";
        json().header("If-Match", "\"99\"").body(body).put("/api/v1/tasks/{id}", id).then().statusCode(412).contentType(PROBLEM)
                .body("type", endsWith("/precondition-failed")).body("currentEtag", equalTo("\"0\""));
        assertThat(task(id).getString("title")).isEqualTo("并发编辑任务");
    }

    @Test
    void invalidBodyListsEveryBadFieldAndChangesNothing() {
        long before = given().get("/api/v1/tasks").then().extract().jsonPath().getLong("totalItems");
        json().body("""
                {"planId": %d, "code": "bad code", "kind": "NEAR_TERM", "title": "", "progressPercent": 120}
                """.formatted(planId())).post("/api/v1/tasks").then().statusCode(400).contentType(PROBLEM)
                .body("type", endsWith("/validation"))
                .body("violations.field", equalTo(List.of("code", "progressPercent", "title")))
                .body("detail", containsString("不能为空"));
        assertThat(given().get("/api/v1/tasks").then().extract().jsonPath().getLong("totalItems")).isEqualTo(before);
    }

    @Test
    void responsibleUnitsMustBeZhuzhouUnits() {
        String body = """
                {"planId": %d, "code": "%s", "kind": "NEAR_TERM", "title": "错误的责任单位",
                 "responsibleUnits": [{"unitId": %d, "role": "MAIN"}]}
                """.formatted(planId(), unique("X"), unitId("长沙市教育局"));
        json().body(body).post("/api/v1/tasks").then().statusCode(400).body("violations[0].field", equalTo("responsibleUnits"));
    }

    @Test
    void crossCityLeadUnitsMustBelongToTheLeadCity() {
        String body = """
                {"planId": %d, "code": "%s", "kind": "NEAR_TERM", "title": "牵头城市不一致",
                 "crossCityLead": {"cityCode": "XT", "unitIds": [%d]}}
                """.formatted(planId(), unique("X"), unitId("长沙市教育局"));
        json().body(body).post("/api/v1/tasks").then().statusCode(400).body("violations[0].field", equalTo("crossCityLead.unitIds"));
    }

    @Test
    void duplicateCodeIsAConflict() {
        json().body("""
                {"planId": %d, "code": "N6", "kind": "NEAR_TERM", "title": "重复编号"}""".formatted(planId()))
                .post("/api/v1/tasks").then().statusCode(409).contentType(PROBLEM).body("detail", containsString("N6"));
    }

    @Test
    void unknownPropertiesAreRefused() {
        long id = aTask("防止批量赋值");
        json().body("""
                {"title": "x", "status": "IN_PROGRESS", "progressPercent": 0, "version": 0, "id": 1, "createdBy": "mallory"}""")
                .header("If-Match", Fixtures.etag("/api/v1/tasks/" + id)).put("/api/v1/tasks/{id}", id).then().statusCode(400).contentType(PROBLEM);
        assertThat(task(id).getString("title")).isEqualTo("防止批量赋值");
    }

    @Test
    void moveTaskUnderAnotherParentAndBackToTop() {
        long id = aTask("待移动任务");
        long parent = aTask("新的上级任务");
        long version = task(id).getLong("version");
        json().body("{\"parentId\": %d, \"version\": %d}".formatted(parent, version)).post("/api/v1/tasks/{id}/move", id)
                .then().statusCode(200).body("parentId", equalTo((int) parent));
        json().body("{\"parentId\": null, \"version\": %d}".formatted(task(id).getLong("version")))
                .post("/api/v1/tasks/{id}/move", id).then().statusCode(200).body("parentId", equalTo(null));
    }

    @Test
    void aTaskCannotMoveUnderItsOwnDescendant() {
        long parent = taskId("N14");
        long child = taskId("N14.1");
        json().body("{\"parentId\": %d, \"version\": %d}".formatted(child, task(parent).getLong("version")))
                .post("/api/v1/tasks/{id}/move", parent).then().statusCode(409).contentType(PROBLEM);
        assertThat((Object) task(parent).get("parentId")).isNull();
    }

    @Test
    void deleteOnlyWhatNothingRefersTo() {
        json().delete("/api/v1/tasks/{id}", taskId("N5")).then().statusCode(409).body("type", endsWith("/in-use"));
        json().delete("/api/v1/tasks/{id}", taskId("N6")).then().statusCode(409).body("type", endsWith("/in-use"));
        long id = aTask("待删除任务");
        json().delete("/api/v1/tasks/{id}", id).then().statusCode(204);
        given().get("/api/v1/tasks/{id}", id).then().statusCode(404).contentType(PROBLEM);
    }

    // ---- error shapes -----------------------------------------------------------------------------------

    @Test
    void unknownTaskIs404ProblemJson() {
        given().get("/api/v1/tasks/{id}", 987654).then().statusCode(404).contentType(PROBLEM)
                .body("type", endsWith("/not-found")).body("title", equalTo("资源不存在")).body("status", equalTo(404))
                .body("detail", containsString("987654")).body("instance", equalTo("/api/v1/tasks/987654"));
    }

    @Test
    void wrongMediaTypeIs415AndMalformedJsonIs400() {
        given().contentType("text/plain").body("hello").post("/api/v1/tasks").then().statusCode(415).contentType(PROBLEM);
        json().body("{\"planId\": ").post("/api/v1/tasks").then().statusCode(400).contentType(PROBLEM)
                .body("type", endsWith("/malformed-body"));
        json().body("{\"planId\": \"abc\"}").post("/api/v1/tasks").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void noStackTraceInAnyError() {
        String body = json().body("{\"planId\": [1,2]}").post("/api/v1/tasks").then().statusCode(400).extract().asString();
        assertThat(body).doesNotContain("Exception").doesNotContain("at cn.gov");
        given().get("/api/v1/nowhere").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aMilestoneCannotBeCompletedAfterToday() {
        String tomorrow = cn.gov.zhuzhou.duban.support.Fixtures.today().plusDays(1).toString();
        json().body("""
                {"planId": %d, "code": "%s", "kind": "NEAR_TERM", "title": "里程碑完成日期",
                 "milestones": [{"title": "开通首条加密线路", "dueDate": "2026-06-30", "completedOn": "%s"}], "deadline": "2026-12-31"}
                """.formatted(scratchPlanId(), unique("M"), tomorrow)).post("/api/v1/tasks").then().statusCode(400)
                .contentType(PROBLEM).body("violations[0].field", equalTo("milestones[0].completedOn"));
    }
}
