package cn.gov.zhuzhou.duban.security;

import static cn.gov.zhuzhou.duban.support.Api.asJson;
import static cn.gov.zhuzhou.duban.support.Api.as;
import static cn.gov.zhuzhou.duban.support.Api.given;
import static cn.gov.zhuzhou.duban.support.Api.planId;
import static cn.gov.zhuzhou.duban.support.Api.taskId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;

import cn.gov.zhuzhou.duban.support.Fixtures;
import cn.gov.zhuzhou.duban.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each unit only in its own house; each partner only on what the three cities share and what its city leads. */
@QuarkusTest
class ScopedAccessTest {

    static final String EDUCATION = "ZZ-EDU";

    @BeforeEach
    void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    static String progress(long taskId, int percent) {
        return """
                {"status": "IN_PROGRESS", "progressPercent": %d, "note": "本月推进情况", "version": %d}"""
                .formatted(percent, Fixtures.version("/api/v1/tasks/" + taskId));
    }

    @Test
    void liaisonReportsProgressOnATaskItsUnitAnswersFor() {
        long task = taskId("N8.1");
        asJson(Tokens.liaison(EDUCATION)).body(progress(task, 35))
                .post("/api/v1/tasks/{id}/progress", task).then().statusCode(200)
                .body("progressPercent", equalTo(35)).body("audit.updatedBy", equalTo("liaison-ZZ-EDU"));
        as(Tokens.liaison(EDUCATION)).get("/api/v1/tasks/{id}/progress", task).then().statusCode(200)
                .body("items[0].source", equalTo("UNIT")).body("items[0].unit.code", equalTo(EDUCATION))
                .body("items[0].progressPercent", equalTo(35)).body("items[0].reportedByName", equalTo("ZZ-EDU 联络员"));
    }

    @Test
    void liaisonCannotReportOnAnotherUnitsTaskAndNothingChanges() {
        long task = taskId("N1");
        String before = given().get("/api/v1/tasks/{id}", task).then().extract().asString();
        asJson(Tokens.liaison(EDUCATION)).body(progress(task, 90))
                .post("/api/v1/tasks/{id}/progress", task).then().statusCode(403).contentType("application/problem+json");
        assertThat(given().get("/api/v1/tasks/{id}", task).then().extract().asString()).isEqualTo(before);
    }

    @Test
    void liaisonWithoutAUnitClaimCannotReport() {
        long task = taskId("N8.1");
        as(Tokens.claims("nobody", "无单位", "unit").sign()).contentType(ContentType.JSON).body(progress(task, 10))
                .post("/api/v1/tasks/{id}/progress", task).then().statusCode(403);
    }

    @Test
    void liaisonCannotManageUnits() {
        asJson(Tokens.liaison(EDUCATION)).body("""
                {"code": "ZZ-EVIL", "name": "株洲市越权局", "kind": "DEPARTMENT", "cityCode": "ZZ"}""")
                .post("/api/v1/units").then().statusCode(403);
        given().queryParam("q", "ZZ-EVIL").get("/api/v1/units").then().body("totalItems", equalTo(0));
    }

    @Test
    void partnerSeesOnlyTheTasksTheThreeCitiesShare() {
        as(Tokens.partner("CS")).queryParam("planId", planId()).queryParam("size", 200).get("/api/v1/tasks").then().statusCode(200)
                .body("items.crossCityLead", everyItem(notNullValue())).body("items.size()", equalTo(19));
        as(Tokens.partner("CS")).get("/api/v1/tasks/{id}", taskId("L1")).then().statusCode(404).contentType("application/problem+json");
        as(Tokens.partner("CS")).get("/api/v1/tasks/{id}/progress", taskId("L1")).then().statusCode(404);
        as(Tokens.partner("CS")).get("/api/v1/units").then().statusCode(403);
    }

    @Test
    void partnerWritesProgressOnlyOnTasksItsCityLeads() {
        long changshaLed = taskId("N1");
        asJson(Tokens.partner("CS")).body(progress(changshaLed, 50))
                .post("/api/v1/tasks/{id}/progress", changshaLed).then().statusCode(200).body("progressPercent", equalTo(50));
        given().get("/api/v1/tasks/{id}/progress", changshaLed).then().body("items[0].source", equalTo("PARTNER"))
                .body("items[0].cityCode", equalTo("CS"));

        long xiangtanLed = taskId("N7");
        String before = given().get("/api/v1/tasks/{id}", xiangtanLed).then().extract().asString();
        asJson(Tokens.partner("CS")).body(progress(xiangtanLed, 80))
                .post("/api/v1/tasks/{id}/progress", xiangtanLed).then().statusCode(403);
        assertThat(given().get("/api/v1/tasks/{id}", xiangtanLed).then().extract().asString()).isEqualTo(before);
    }

    @Test
    void progressHistoryIsKeptNewestFirst() {
        long task = taskId("N13");
        asJson(Tokens.office()).body(progress(task, 20)).post("/api/v1/tasks/{id}/progress", task)
                .then().statusCode(200);
        asJson(Tokens.office()).body(progress(task, 45)).post("/api/v1/tasks/{id}/progress", task)
                .then().statusCode(200);
        given().get("/api/v1/tasks/{id}/progress", task).then().statusCode(200)
                .body("items.progressPercent[0]", equalTo(45)).body("items.progressPercent[1]", equalTo(20)).body("items.source[0]", equalTo("OFFICE"));
    }

    @Test
    void aLiaisonTokenThatNamesNoUnitReadsNoUnitsWorkflow() {
        long caseId = cn.gov.zhuzhou.duban.support.Fixtures.newCase();
        long item = as(Tokens.supervisor()).get("/api/v1/supervision-cases/{id}", caseId).then().extract().jsonPath().getLong("item.id");
        String unitless = Tokens.claims("liaison-x", "无单位联络员", "unit").sign();
        for (String path : java.util.List.of("/api/v1/supervision-cases/" + caseId, "/api/v1/supervision-cases/" + caseId + "/history",
                "/api/v1/ticket-items/" + item, "/api/v1/ticket-items", "/api/v1/problems", "/api/v1/notifications", "/api/v1/reports")) {
            as(unitless).get(path).then().statusCode(403).contentType("application/problem+json");
        }
    }
}
