package cn.gov.zhuzhou.duban.supervision;

import static cn.gov.zhuzhou.duban.support.Api.as;
import static cn.gov.zhuzhou.duban.support.Api.given;
import static cn.gov.zhuzhou.duban.support.Api.json;
import static cn.gov.zhuzhou.duban.support.Api.unitId;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.zhuzhou.duban.support.Fixtures;
import cn.gov.zhuzhou.duban.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A liaison who is urged finds the case to reply on: from its item, and in the case list filtered to its own unit. */
@QuarkusTest
class FindingTheCaseTest {

    static final String EDUCATION = "ZZ-EDU", TRANSPORT = "ZZ-TRANS";

    static RequestSpecification liaison(String unit) {
        return as(Tokens.liaison(unit)).contentType(ContentType.JSON);
    }

    static long itemOf(long caseId) {
        return given().get("/api/v1/supervision-cases/{id}", caseId).then().statusCode(200).extract().jsonPath().getLong("item.id");
    }

    /** A case opened by hand on a fresh item led by 株洲市交通运输局. */
    static long transportCase() {
        long session = Fixtures.newSession();
        long item = json().body("""
                {"items": [{"problemId": %d, "leadUnitId": %d, "deadline": "%s", "key": false, "requirement": "夹具要求"}]}"""
                .formatted(Fixtures.classifiedProblem(), unitId("株洲市交通运输局"), Fixtures.today().plusDays(30)))
                .post("/api/v1/sessions/{id}/tickets", session).then().statusCode(201).extract().jsonPath().getLong("items[0].id");
        return as(Tokens.supervisor()).contentType(ContentType.JSON).body("{\"itemId\": %d}".formatted(item))
                .post("/api/v1/supervision-cases").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void anUrgedLiaisonFindsTheCaseOnItsItemAndRepliesThere() {
        long caseId = Fixtures.newCase();
        long item = itemOf(caseId);
        as(Tokens.supervisor()).contentType(ContentType.JSON).body("""
                {"means": "PHONE", "toWhom": "市教育局局长", "content": "请加快办理", "actedOn": "%s"}""".formatted(Fixtures.today()))
                .post("/api/v1/supervision-cases/{id}/urgings", caseId).then().statusCode(200);

        JsonPath one = liaison(EDUCATION).get("/api/v1/ticket-items/{id}", item).then().statusCode(200).extract().jsonPath();
        assertThat(one.getLong("supervisionCase.id")).isEqualTo(caseId);
        assertThat(one.getString("supervisionCase.status")).isEqualTo("OPEN");
        JsonPath inbox = liaison(EDUCATION).queryParam("size", 200).get("/api/v1/ticket-items").then().statusCode(200).extract().jsonPath();
        assertThat(inbox.getLong("items.find { it.id == %d }.supervisionCase.id".formatted(item))).isEqualTo(caseId);

        liaison(EDUCATION).body("{\"content\": \"已报省厅，预计下周批复\"}")
                .post("/api/v1/supervision-cases/{id}/replies", one.getLong("supervisionCase.id")).then().statusCode(200);
    }

    @Test
    void anItemWithoutACaseShowsNone() {
        long item = Fixtures.newTicketItem();
        assertThat(given().get("/api/v1/ticket-items/{id}", item).then().statusCode(200).extract().jsonPath()
                .getString("supervisionCase")).isNull();
    }

    @Test
    void casesFilterByItemLeadUnitAndStatus() {
        long education = Fixtures.newCase();
        long transport = transportCase();
        long item = itemOf(education);

        assertThat(ids(given().queryParam("itemId", item))).containsExactly(education);
        assertThat(ids(given().queryParam("itemId", item).queryParam("status", "CLOSED"))).isEmpty();
        List<Long> ofEducation = ids(given().queryParam("unitId", unitId("株洲市教育局")));
        assertThat(ofEducation).contains(education).doesNotContain(transport);
        assertThat(given().queryParam("unitId", unitId("株洲市教育局")).queryParam("size", 200).get("/api/v1/supervision-cases")
                .then().extract().jsonPath().getList("items.item.leadUnit.code", String.class)).containsOnly(EDUCATION);
        assertThat(ids(given().queryParam("unitId", unitId("株洲市交通运输局")))).contains(transport).doesNotContain(education);
    }

    @Test
    void aLiaisonListsOnlyTheCasesOnItemsItsUnitLeads() {
        long education = Fixtures.newCase();
        long transport = transportCase();

        assertThat(ids(liaison(EDUCATION))).contains(education).doesNotContain(transport);
        assertThat(ids(liaison(TRANSPORT))).contains(transport).doesNotContain(education);
        JsonPath foreign = liaison(EDUCATION).queryParam("unitId", unitId("株洲市交通运输局")).get("/api/v1/supervision-cases")
                .then().statusCode(200).extract().jsonPath();
        assertThat(foreign.getList("items")).isEmpty();
        assertThat(foreign.getLong("totalItems")).isZero();
    }

    private static List<Long> ids(RequestSpecification request) {
        return request.queryParam("size", 200).get("/api/v1/supervision-cases").then().statusCode(200).extract().jsonPath()
                .getList("items.id", Long.class);
    }
}
