package cn.gov.zhuzhou.duban.organisation;

import static cn.gov.zhuzhou.duban.support.Api.json;
import static cn.gov.zhuzhou.duban.support.Api.unique;
import static cn.gov.zhuzhou.duban.support.Api.unitId;
import static cn.gov.zhuzhou.duban.support.Api.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.endsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Annex 1: memberships are held by the post; a successor inherits every one of them without a new document. */
@QuarkusTest
class PositionHandoverTest {

    @BeforeEach
    void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    long newGroupWithSeat(long positionId) {
        long groupId = json().body("""
                {"code": "%s", "name": "测试工作组", "kind": "WORKING_GROUP"}""".formatted(unique("WGT")))
                .post("/api/v1/groups").then().statusCode(201).extract().jsonPath().getLong("id");
        json().body("{\"positionId\": %d, \"role\": \"LEADER\"}".formatted(positionId))
                .post("/api/v1/groups/{id}/memberships", groupId).then().statusCode(201);
        return groupId;
    }

    long newPostHeldBy(String name) {
        long personId = json().body("{\"name\": \"%s\"}".formatted(name)).post("/api/v1/people").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        return json().body("""
                {"title": "%s", "unitId": %d, "holderId": %d, "holderSince": "2019-03-20"}"""
                .formatted(unique("市教育局副局长"), unitId("株洲市教育局"), personId))
                .post("/api/v1/positions").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void successorInheritsEveryMembershipAndThePredecessorStaysInHistory() {
        long post = newPostHeldBy("王前任");
        long groupA = newGroupWithSeat(post);
        long groupB = newGroupWithSeat(post);
        long version = given().get("/api/v1/positions/{id}", post).then().extract().jsonPath().getLong("version");

        json().body("""
                {"successorName": "李后任", "effectiveOn": "2026-12-01", "note": "工作调动", "version": %d}""".formatted(version))
                .post("/api/v1/positions/{id}/handover", post).then().statusCode(200)
                .body("holder.name", equalTo("李后任")).body("holderSince", equalTo("2026-12-01"))
                .body("previousHolders[0].person.name", equalTo("王前任"))
                .body("previousHolders[0].endedOn", equalTo("2026-11-30"));

        for (long group : new long[] {groupA, groupB}) {
            JsonPath roster = given().get("/api/v1/groups/{id}", group).then().statusCode(200).extract().jsonPath();
            assertThat(roster.getString("members[0].currentHolder.name")).isEqualTo("李后任");
            assertThat(roster.getString("members[0].previousHolders[0].person.name")).isEqualTo("王前任");
        }
    }

    @Test
    void seededLeadershipFollowsItsPost() {
        long leadingGroup = given().queryParam("kind", "LEADING_GROUP").get("/api/v1/groups").then().extract().jsonPath()
                .getLong("items[0].id");
        JsonPath roster = given().get("/api/v1/groups/{id}", leadingGroup).then().extract().jsonPath();
        assertThat(roster.getString("members[0].currentHolder.name")).isEqualTo("毛腾飞");
        assertThat(roster.getList("members[0].previousHolders")).isEmpty();
    }

    @Test
    void handoverNeedsExactlyOneSuccessorAndALaterDate() {
        long post = newPostHeldBy("赵现任");
        long version = given().get("/api/v1/positions/{id}", post).then().extract().jsonPath().getLong("version");
        json().body("{\"effectiveOn\": \"2026-12-01\", \"version\": %d}".formatted(version)).post("/api/v1/positions/{id}/handover", post)
                .then().statusCode(400).body("violations[0].field", equalTo("successorId"));
        json().body("{\"successorName\": \"钱新任\", \"effectiveOn\": \"2019-01-01\", \"version\": %d}".formatted(version))
                .post("/api/v1/positions/{id}/handover", post).then().statusCode(400)
                .body("violations[0].field", equalTo("effectiveOn"));
        given().get("/api/v1/positions/{id}", post).then().body("holder.name", equalTo("赵现任"));
    }

    @Test
    void staleHandoverIsRefused() {
        long post = newPostHeldBy("孙现任");
        json().body("{\"successorName\": \"周新任\", \"effectiveOn\": \"2026-12-01\", \"version\": 7}")
                .post("/api/v1/positions/{id}/handover", post).then().statusCode(409).body("type", endsWith("/stale-version"));
        given().get("/api/v1/positions/{id}", post).then().body("holder.name", equalTo("孙现任"));
    }

    @Test
    void removingASeatAndMissingGroups() {
        long post = newPostHeldBy("吴成员");
        long group = newGroupWithSeat(post);
        long membership = given().get("/api/v1/groups/{id}", group).then().extract().jsonPath().getLong("members[0].id");
        json().delete("/api/v1/groups/{id}/memberships/{m}", group, membership).then().statusCode(204);
        given().get("/api/v1/groups/{id}", group).then().body("members.size()", equalTo(0));
        given().get("/api/v1/groups/{id}", 999999).then().statusCode(404).contentType("application/problem+json");
    }
}
