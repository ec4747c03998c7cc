package cn.gov.zhuzhou.duban.unit;

import static cn.gov.zhuzhou.duban.support.Api.json;
import static cn.gov.zhuzhou.duban.support.Api.unitId;
import static cn.gov.zhuzhou.duban.support.Api.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UnitApiTest {

    @BeforeEach
    void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void theThreeCitiesAndTheirUnits() {
        given().get("/api/v1/cities").then().statusCode(200).body("code", equalTo(java.util.List.of("CS", "ZZ", "XT")));
        given().queryParam("city", "XT").get("/api/v1/units").then().statusCode(200)
                .body("items.cityCode", everyItem(equalTo("XT"))).body("totalItems", equalTo(4));
        given().queryParam("q", "高新区").get("/api/v1/units").then().statusCode(200).body("items[0].kind", equalTo("PARK"));
    }

    @Test
    void officeRegistersRenamesAndDeletesAUnit() {
        long id = json().body("""
                {"code": "ZZ-HETANG", "name": "株洲市荷塘区人民政府", "shortName": "荷塘区政府", "kind": "COUNTY_GOVERNMENT", "cityCode": "ZZ"}""")
                .post("/api/v1/units").then().statusCode(201).header("Location", endsWith("/api/v1/units/" + unitIdOf("ZZ-HETANG")))
                .extract().jsonPath().getLong("id");
        json().body("""
                {"name": "株洲市荷塘区人民政府", "shortName": "荷塘区", "kind": "COUNTY_GOVERNMENT", "version": 0}""")
                .header("If-Match", "\"0\"").put("/api/v1/units/{id}", id).then().statusCode(200).body("shortName", equalTo("荷塘区")).body("version", equalTo(1));
        json().delete("/api/v1/units/{id}", id).then().statusCode(204);
        given().get("/api/v1/units/{id}", id).then().statusCode(404);
    }

    @Test
    void aUnitThatAnswersForTasksCannotBeDeleted() {
        long id = unitId("株洲市交通运输局");
        json().delete("/api/v1/units/{id}", id).then().statusCode(409).body("type", endsWith("/in-use"));
        given().get("/api/v1/units/{id}", id).then().statusCode(200);
    }

    @Test
    void duplicatesAndBadCitiesAreRefused() {
        json().body("""
                {"code": "ZZ-DUP", "name": "株洲市教育局", "kind": "DEPARTMENT", "cityCode": "ZZ"}""")
                .post("/api/v1/units").then().statusCode(409);
        json().body("""
                {"code": "ZZ-X", "name": "某局", "kind": "DEPARTMENT", "cityCode": "BJ"}""")
                .post("/api/v1/units").then().statusCode(400).body("violations.field", hasItem("cityCode"));
    }

    private static String unitIdOf(String code) {
        return String.valueOf(given().queryParam("q", code).get("/api/v1/units").then().extract().jsonPath()
                .getLong("items.find { it.code == '" + code + "' }.id"));
    }
}
