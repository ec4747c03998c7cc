package cn.gov.zhuzhou.duban.problem;

import static cn.gov.zhuzhou.duban.support.Api.asJson;
import static cn.gov.zhuzhou.duban.support.Api.liaison;
import static cn.gov.zhuzhou.duban.support.Api.office;
import static cn.gov.zhuzhou.duban.support.Api.taskId;
import static cn.gov.zhuzhou.duban.support.Api.unitId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.zhuzhou.duban.support.Fixtures;
import cn.gov.zhuzhou.duban.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Problems from reports, leaders and the office; classified by level, which names the session that can settle them. */
@QuarkusTest
class ProblemWorkflowTest {

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }



    static long raisedByOffice(String taskCode, String unitName) {
        return office().body("""
                {"taskId": %d, "description": "跨市协调事项", "raisedByUnitId": %d}""".formatted(taskId(taskCode), unitId(unitName)))
                .post("/api/v1/problems").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static long version(long id) {
        return office().get("/api/v1/problems/{id}", id).then().extract().jsonPath().getLong("version");
    }

    @Test
    void aSubmittedReportsDifficultiesBecomeAnOpenProblem() {
        long report = reportWithDifficulty(Fixtures.freshMonth(), "实训基地用地指标不足");
        JsonPath found = office().queryParam("source", "REPORT").queryParam("size", 200).get("/api/v1/problems").then()
                .statusCode(200).extract().jsonPath();
        assertThat(found.getString("items.find { it.sourceRef == " + report + " }.description")).isEqualTo("实训基地用地指标不足");
        assertThat(found.getString("items.find { it.sourceRef == " + report + " }.status")).isEqualTo("OPEN");
        assertThat(found.getString("items.find { it.sourceRef == " + report + " }.task.code")).isEqualTo("N8.2");
        assertThat(found.getString("items.find { it.sourceRef == " + report + " }.raisedBy.code")).isEqualTo("ZZ-EDU");
    }

    @Test
    void classificationNamesTheSessionLevelAndEscalationIsRecordedWithItsReason() {
        long id = raisedByOffice("N6", "株洲市发展和改革委员会");
        office().body("""
                {"category": "LAND", "coordinationLevel": "DEPARTMENTS_OF_THREE_CITIES", "version": %d}""".formatted(version(id)))
                .post("/api/v1/problems/{id}/classifications", id).then().statusCode(200)
                .body("status", equalTo("CLASSIFIED")).body("settledBy", equalTo("DEPUTY_SECRETARY_GENERAL"));
        asJson(Tokens.leader()).body("""
                {"coordinationLevel": "PROVINCE", "reason": "需省里统筹用地指标", "version": %d}""".formatted(version(id)))
                .post("/api/v1/problems/{id}/escalations", id).then().statusCode(200)
                .body("coordinationLevel", equalTo("PROVINCE")).body("settledBy", equalTo("SECRETARY_AND_MAYOR"));
        JsonPath history = office().get("/api/v1/problems/{id}/history", id).then().statusCode(200).extract().jsonPath();
        assertThat(history.getList("items.kind")).containsExactly("RAISED", "CLASSIFIED", "ESCALATED");
        assertThat(history.getString("items[2].fromLevel")).isEqualTo("DEPARTMENTS_OF_THREE_CITIES");
        assertThat(history.getString("items[2].reason")).isEqualTo("需省里统筹用地指标");
        assertThat(history.getString("items[2].actorName")).isEqualTo("分管副市长");
    }

    @Test
    void escalationGoesUpOnlyWithAReasonAndOnlyOnceClassified() {
        long id = raisedByOffice("N6", "株洲市发展和改革委员会");
        office().body("""
                {"coordinationLevel": "PROVINCE", "reason": "跳级", "version": %d}""".formatted(version(id)))
                .post("/api/v1/problems/{id}/escalations", id).then().statusCode(409).body("detail", containsString("OPEN"));
        office().body("""
                {"category": "FUNDING", "coordinationLevel": "CITY_LEVEL_OF_THREE_CITIES", "version": %d}""".formatted(version(id)))
                .post("/api/v1/problems/{id}/classifications", id).then().statusCode(200);
        office().body("""
                {"coordinationLevel": "UNIT", "reason": "降级", "version": %d}""".formatted(version(id)))
                .post("/api/v1/problems/{id}/escalations", id).then().statusCode(400)
                .body("violations[0].field", equalTo("coordinationLevel"));
        office().body("""
                {"coordinationLevel": "PROVINCE", "version": %d}""".formatted(version(id)))
                .post("/api/v1/problems/{id}/escalations", id).then().statusCode(400).body("violations[0].field", equalTo("reason"));
        office().get("/api/v1/problems/{id}", id).then().body("coordinationLevel", equalTo("CITY_LEVEL_OF_THREE_CITIES"));
    }

    @Test
    void aLeadersWrittenInstructionRaisesAProblem() {
        asJson(Tokens.leader()).body("""
                {"taskId": %d, "description": "请加快推进城际公交接驳", "raisedByUnitId": %d}"""
                .formatted(taskId("N5.1"), unitId("株洲市交通运输局"))).post("/api/v1/problems").then().statusCode(201)
                .body("source", equalTo("LEADER_INSTRUCTION")).body("status", equalTo("OPEN"));
    }

    @Test
    void aLiaisonRaisesOnlyOnItsTasksAndSeesOnlyItsProblems() {
        long transport = liaison("ZZ-TRANS").body("""
                {"taskId": %d, "description": "接驳站点征地困难"}""".formatted(taskId("N5.1"))).post("/api/v1/problems").then()
                .statusCode(201).body("raisedBy.code", equalTo("ZZ-TRANS")).extract().jsonPath().getLong("id");
        liaison("ZZ-EDU").get("/api/v1/problems/{id}", transport).then().statusCode(404).contentType("application/problem+json");
        liaison("ZZ-EDU").queryParam("size", 200).get("/api/v1/problems").then().statusCode(200)
                .body("items.raisedBy.code.unique()", org.hamcrest.Matchers.everyItem(equalTo("ZZ-EDU")));
        liaison("ZZ-EDU").body("""
                {"taskId": %d, "description": "越权"}""".formatted(taskId("N1"))).post("/api/v1/problems").then().statusCode(400)
                .body("violations[0].field", equalTo("taskId"));
        liaison("ZZ-TRANS").body("""
                {"category": "LAND", "coordinationLevel": "UNIT", "version": 0}""").post("/api/v1/problems/{id}/classifications", transport)
                .then().statusCode(403);
    }

    static long reportWithDifficulty(String month, String difficulty) {
        long report = liaison("ZZ-EDU").body("""
                {"month": "%s", "entries": [{"taskId": %d, "workDone": "选址完成", "progressPercent": 20, "track": "AT_RISK"}],
                 "problems": "%s"}""".formatted(month, taskId("N8.2"), difficulty)).post("/api/v1/reports").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        liaison("ZZ-EDU").body("{\"version\": %d}".formatted(Fixtures.version("/api/v1/reports/" + report)))
                .post("/api/v1/reports/{id}/submissions", report).then().statusCode(200);
        return report;
    }

    static List<Long> problemsOfReport(long report) {
        return office().queryParam("source", "REPORT").queryParam("size", 200).get("/api/v1/problems").then().statusCode(200)
                .extract().jsonPath().getList("items.findAll { it.sourceRef == " + report + " }.id", Long.class);
    }

    @Test
    void aResubmittedReportUpdatesItsOneProblemAndRecordsTheRevision() {
        long report = reportWithDifficulty(Fixtures.freshMonth(), "实训基地用地指标不足");
        long problem = problemsOfReport(report).get(0);
        office().body("{\"reason\": \"请补充用地缺口\", \"version\": %d}".formatted(Fixtures.version("/api/v1/reports/" + report)))
                .post("/api/v1/reports/{id}/returns", report).then().statusCode(200);
        liaison("ZZ-EDU").body("""
                {"entries": [{"taskId": %d, "workDone": "选址完成", "progressPercent": 20, "track": "AT_RISK"}],
                 "problems": "实训基地用地指标缺口 30 亩", "version": %d}""".formatted(taskId("N8.2"), Fixtures.version("/api/v1/reports/" + report)))
                .header("If-Match", Fixtures.etag("/api/v1/reports/" + report)).put("/api/v1/reports/{id}", report).then().statusCode(200);
        liaison("ZZ-EDU").body("{\"version\": %d}".formatted(Fixtures.version("/api/v1/reports/" + report)))
                .post("/api/v1/reports/{id}/submissions", report).then().statusCode(200);

        assertThat(problemsOfReport(report)).containsExactly(problem);
        office().get("/api/v1/problems/{id}", problem).then().statusCode(200).body("description", equalTo("实训基地用地指标缺口 30 亩"))
                .body("status", equalTo("OPEN"));
        JsonPath history = office().get("/api/v1/problems/{id}/history", problem).then().statusCode(200).extract().jsonPath();
        assertThat(history.getList("items.kind")).containsExactly("RAISED", "REVISED");
        assertThat(history.getString("items[1].reason")).contains("实训基地用地指标缺口 30 亩");
    }

    @Test
    void theDatabaseKeepsOneProblemPerReport() throws Exception {
        long report = reportWithDifficulty(Fixtures.freshMonth(), "实训基地用地指标不足");
        long problem = problemsOfReport(report).get(0);
        try (Connection c = dataSource.getConnection(); PreparedStatement copy = c.prepareStatement("""
                insert into problem (task_id, raised_by_unit_id, source, source_ref, source_report_id, description, status, version,
                                     created_at, created_by, updated_at, updated_by)
                select task_id, raised_by_unit_id, source, source_ref, source_report_id, description, status, 0,
                       created_at, created_by, updated_at, updated_by from problem where id = ?""")) {
            copy.setLong(1, problem);
            org.assertj.core.api.Assertions.assertThatThrownBy(copy::executeUpdate)
                    .isInstanceOf(SQLIntegrityConstraintViolationException.class);
        }
    }

    @Test
    void theSourceFollowsFromWhoRaisesTheProblem() {
        String body = """
                {"taskId": %d, "description": "来源检查", "raisedByUnitId": %d, "source": "%s"}""";
        long transport = unitId("株洲市交通运输局");
        liaison("ZZ-TRANS").body("""
                {"taskId": %d, "description": "来源检查", "source": "LEADER_INSTRUCTION"}""".formatted(taskId("N5.1")))
                .post("/api/v1/problems").then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("LEADER_INSTRUCTION"));
        asJson(Tokens.supervisor()).body(body.formatted(taskId("N5.1"), transport, "LEADER_INSTRUCTION"))
                .post("/api/v1/problems").then().statusCode(403).contentType("application/problem+json");
        office().body(body.formatted(taskId("N5.1"), transport, "LEADER_INSTRUCTION")).post("/api/v1/problems").then().statusCode(403);
        asJson(Tokens.leader()).body(body.formatted(taskId("N5.1"), transport, "OFFICE"))
                .post("/api/v1/problems").then().statusCode(403);

        asJson(Tokens.supervisor()).body("""
                {"taskId": %d, "description": "督查发现", "raisedByUnitId": %d}""".formatted(taskId("N5.1"), transport))
                .post("/api/v1/problems").then().statusCode(201).body("source", equalTo("SUPERVISION"));
        office().body(body.formatted(taskId("N5.1"), transport, "SESSION")).post("/api/v1/problems").then().statusCode(201)
                .body("source", equalTo("SESSION"));
        liaison("ZZ-TRANS").body("""
                {"taskId": %d, "description": "来源检查", "source": "REPORT"}""".formatted(taskId("N5.1")))
                .post("/api/v1/problems").then().statusCode(201).body("source", equalTo("REPORT"));
    }

    @Test
    void aLiaisonCannotRaiseAProblemInAnotherUnitsName() {
        liaison("ZZ-TRANS").body("""
                {"taskId": %d, "description": "冒名", "raisedByUnitId": %d}""".formatted(taskId("N5.1"), unitId("株洲市教育局")))
                .post("/api/v1/problems").then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("raisedByUnitId"));
        liaison("ZZ-TRANS").body("""
                {"taskId": %d, "description": "本单位", "raisedByUnitId": %d}""".formatted(taskId("N5.1"), unitId("株洲市交通运输局")))
                .post("/api/v1/problems").then().statusCode(201).body("raisedBy.code", equalTo("ZZ-TRANS"));
    }
}
