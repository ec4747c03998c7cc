package cn.gov.zhuzhou.duban.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.zhuzhou.duban.support.Api;
import cn.gov.zhuzhou.duban.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a ticket may carry (annex 2, rules 5 and 7), and a ticket racing the call-off of its session. */
@QuarkusTest
class TicketRulesTest {

    @BeforeAll
    static void explainFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static String ticketFor(long problem) {
        return """
                {"items": [{"problemId": %d, "leadUnitId": %d, "deadline": "%s", "key": false, "requirement": "按期办结"}]}"""
                .formatted(problem, Api.unitId("株洲市教育局"), Fixtures.today().plusDays(30));
    }

    private static long problemNeeding(String coordinationLevel) {
        long id = Fixtures.classifiedProblem();
        Api.json().body("""
                {"coordinationLevel": "%s", "reason": "需三市市级层面协调", "version": %d}""".formatted(coordinationLevel,
                Fixtures.version("/api/v1/problems/" + id))).post("/api/v1/problems/{id}/escalations", id).then().statusCode(200);
        return id;
    }

    @Test
    void anOfficeSessionCannotAssignAProblemThatNeedsTheDeputyMayor() {
        long session = Fixtures.newSession();
        long problem = problemNeeding("CITY_LEVEL_OF_THREE_CITIES");
        Api.json().body(ticketFor(problem)).post("/api/v1/sessions/{id}/tickets", session).then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("items[0].problemId"))
                .body("violations[0].message", containsString("DEPUTY_MAYOR")).body("violations[0].message", containsString("上一级调度"));
        Api.given().get("/api/v1/sessions/{id}", session).then().statusCode(200).body("tickets.size()", equalTo(0))
                .body("agendaProblemIds.size()", equalTo(0));
    }

    @Test
    void aProblemOffTheAgendaIsAddedToItByTheTicketAndThatIsRecorded() {
        long session = Fixtures.newSession();
        long problem = Fixtures.classifiedProblem();
        long item = Api.json().body(ticketFor(problem)).post("/api/v1/sessions/{id}/tickets", session).then().statusCode(201)
                .extract().jsonPath().getLong("items[0].id");
        List<Long> agenda = Api.given().get("/api/v1/sessions/{id}", session).then().statusCode(200).extract().jsonPath()
                .getList("agendaProblemIds", Long.class);
        assertThat(agenda).containsExactly(problem);
        Api.given().get("/api/v1/ticket-items/{id}/history", item).then().statusCode(200)
                .body("items[0].reason", containsString("列入调度会议程"));
    }

    @Test
    void aTicketAndTheCallingOffOfItsSessionAtOnceLeaveNoCancelledSessionWithATicket() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                long session = Fixtures.newSession();
                String ticket = ticketFor(Fixtures.classifiedProblem());
                String cancellation = "{\"reason\": \"改期\", \"version\": %d}".formatted(Fixtures.version("/api/v1/sessions/" + session));
                CyclicBarrier start = new CyclicBarrier(2);
                Future<Integer> issued = pool.submit(() -> {
                    start.await();
                    return Api.json().body(ticket).post("/api/v1/sessions/{id}/tickets", session).statusCode();
                });
                Future<Integer> cancelled = pool.submit(() -> {
                    start.await();
                    return Api.json().body(cancellation).post("/api/v1/sessions/{id}/cancellations", session).statusCode();
                });
                List<Integer> outcomes = new ArrayList<>(List.of(issued.get(), cancelled.get()));
                assertThat(outcomes).as("round " + round + ": exactly one wins").containsExactlyInAnyOrder(
                        outcomes.get(0) == 201 ? 201 : 409, outcomes.get(0) == 201 ? 409 : 200);
                JsonPath after = Api.given().get("/api/v1/sessions/{id}", session).then().statusCode(200).extract().jsonPath();
                if (outcomes.get(0) == 201) {
                    assertThat(after.getString("status")).isEqualTo("PLANNED");
                    assertThat(after.getList("tickets")).hasSize(1);
                } else {
                    assertThat(after.getString("status")).isEqualTo("CANCELLED");
                    assertThat(after.getList("tickets")).isEmpty();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
