package cn.gov.zhuzhou.duban.dispatch;

import static cn.gov.zhuzhou.duban.support.Api.liaison;
import static cn.gov.zhuzhou.duban.support.Api.office;
import static cn.gov.zhuzhou.duban.support.Api.as;
import static cn.gov.zhuzhou.duban.support.Api.taskId;
import static cn.gov.zhuzhou.duban.support.Api.unitId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import cn.gov.zhuzhou.duban.support.Fixtures;
import cn.gov.zhuzhou.duban.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Annex 2, rule 7 as a workflow: a session, its ticket, the item's life to verification, and every refused step. */
@QuarkusTest
class DispatchCycleTest {

    static final String DEVELOPMENT = "ZZ-DRC", COMMERCE = "ZZ-COM";

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



    static long version(long item) {
        return Fixtures.version("/api/v1/ticket-items/" + item);
    }

    static long classifiedProblemOnN6() {
        long id = office().body("""
                {"taskId": %d, "description": "物流枢纽用地报批滞后", "raisedByUnitId": %d}"""
                .formatted(taskId("N6"), unitId("株洲市发展和改革委员会"))).post("/api/v1/problems").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        office().body("""
                {"category": "LAND", "coordinationLevel": "DEPARTMENTS_OF_THREE_CITIES", "version": %d}"""
                .formatted(Fixtures.version("/api/v1/problems/" + id))).post("/api/v1/problems/{id}/classifications", id).then()
                .statusCode(200);
        return id;
    }

    static long planSession(String heldOn) {
        return office().body("""
                {"type": "REGULAR", "form": "MEETING", "level": "DEPUTY_SECRETARY_GENERAL", "title": "物流枢纽专项调度会",
                 "chairPositionId": %d, "heldOn": "%s", "place": "市发改委三楼会议室", "participantUnitIds": [%d, %d],
                 "agendaTaskIds": [%d]}""".formatted(Fixtures.chairPost(), heldOn, unitId("株洲市发展和改革委员会"),
                unitId("株洲市商务和粮食局"), taskId("N6"))).post("/api/v1/sessions").then().statusCode(201)
                .body("chair.holder.name", equalTo("何剑波")).extract().jsonPath().getLong("id");
    }

    static JsonPath issue(long session, long problem, String deadline, boolean key) {
        return office().body("""
                {"items": [{"problemId": %d, "leadUnitId": %d, "cooperatingUnitIds": [%d], "deadline": "%s", "key": %s,
                            "requirement": "12月15日前完成用地报批"}]}""".formatted(problem, unitId("株洲市发展和改革委员会"),
                unitId("株洲市商务和粮食局"), deadline, key)).post("/api/v1/sessions/{id}/tickets", session).then().statusCode(201)
                .extract().jsonPath();
    }

    @Test
    void fromSessionToVerifiedItemThroughOverdueAndAReturn() {
        clock.set(LocalDateTime.of(2026, 12, 1, 10, 0));
        long problem = classifiedProblemOnN6();
        long session = planSession("2026-12-01");
        office().body("{\"version\": %d}".formatted(Fixtures.version("/api/v1/sessions/" + session)))
                .post("/api/v1/sessions/{id}/closings", session).then().statusCode(409).body("detail", containsString("纪要或交办单"));

        JsonPath ticket = issue(session, problem, "2026-12-15", true);
        assertThat(ticket.getString("number")).matches("交办〔2026〕\\d+号");
        long item = ticket.getLong("items[0].id");
        assertThat(ticket.getString("items[0].state")).isEqualTo("ISSUED");
        assertThat(ticket.getBoolean("items[0].key")).isTrue();

        liaison(DEVELOPMENT).get("/api/v1/ticket-items?state=ISSUED&size=200").then().statusCode(200)
                .body("items.find { it.id == %d }.requirement".formatted(item), equalTo("12月15日前完成用地报批"));
        liaison(COMMERCE).get("/api/v1/ticket-items/{id}", item).then().statusCode(200);
        liaison(COMMERCE).body("{\"version\": %d}".formatted(version(item))).post("/api/v1/ticket-items/{id}/acknowledgements", item)
                .then().statusCode(403);
        liaison("ZZ-EDU").get("/api/v1/ticket-items/{id}", item).then().statusCode(404);

        clock.set(LocalDateTime.of(2026, 12, 1, 15, 0));
        liaison(DEVELOPMENT).body("{\"version\": %d}".formatted(version(item))).post("/api/v1/ticket-items/{id}/acknowledgements", item)
                .then().statusCode(200).body("state", equalTo("ACKNOWLEDGED")).body("hoursToAcknowledge", equalTo(5));
        liaison(DEVELOPMENT).body("{\"version\": %d}".formatted(version(item))).post("/api/v1/ticket-items/{id}/acknowledgements", item)
                .then().statusCode(409).body("type", endsWith("/illegal-transition")).body("detail", containsString("ACKNOWLEDGED"));

        office().get("/api/v1/ticket-items/{id}", item).then().body("light.color", equalTo("GREEN"))
                .body("light.daysToDeadline", equalTo(14));
        clock.set(LocalDateTime.of(2026, 12, 13, 9, 0));
        office().get("/api/v1/ticket-items/{id}", item).then().body("light.color", equalTo("YELLOW"))
                .body("light.reason", equalTo("距截止日期还有2天"));

        clock.set(LocalDateTime.of(2026, 12, 20, 9, 0));
        office().get("/api/v1/ticket-items/{id}", item).then().body("overdue", equalTo(true)).body("daysOverdue", equalTo(5))
                .body("light.color", equalTo("RED")).body("light.daysToDeadline", equalTo(-5)).body("light.reason", equalTo("已逾期5天"));
        liaison(DEVELOPMENT).body("{\"version\": %d}".formatted(version(item))).post("/api/v1/ticket-items/{id}/completions", item)
                .then().statusCode(400).body("violations[0].field", equalTo("text"));
        liaison(DEVELOPMENT).body("{\"text\": \"用地报批材料已报省厅\", \"version\": %d}".formatted(version(item)))
                .post("/api/v1/ticket-items/{id}/completions", item).then().statusCode(200).body("state", equalTo("DONE_REPORTED"));
        office().body("{\"text\": \"未附批复文件\", \"version\": %d}".formatted(version(item)))
                .post("/api/v1/ticket-items/{id}/returns", item).then().statusCode(200).body("state", equalTo("RETURNED"))
                .body("returnReason", equalTo("未附批复文件"));
        office().body("{\"version\": %d}".formatted(version(item))).post("/api/v1/ticket-items/{id}/verifications", item).then()
                .statusCode(409).body("detail", containsString("RETURNED"));
        liaison(DEVELOPMENT).body("{\"text\": \"已取得用地批复\", \"version\": %d}".formatted(version(item)))
                .post("/api/v1/ticket-items/{id}/completions", item).then().statusCode(200);
        office().body("{\"version\": %d}".formatted(version(item))).post("/api/v1/ticket-items/{id}/verifications", item).then()
                .statusCode(200).body("state", equalTo("VERIFIED")).body("overdue", equalTo(false))
                .body("light.color", equalTo("DONE"));

        List<String> states = office().get("/api/v1/ticket-items/{id}/history", item).then().statusCode(200).extract().jsonPath()
                .getList("items.to");
        assertThat(states).containsExactly("ISSUED", "ACKNOWLEDGED", "DONE_REPORTED", "RETURNED", "DONE_REPORTED", "VERIFIED");

        office().body("{\"version\": %d}".formatted(Fixtures.version("/api/v1/sessions/" + session)))
                .post("/api/v1/sessions/{id}/closings", session).then().statusCode(200).body("status", equalTo("CLOSED"))
                .body("tickets[0].number", matchesPattern("交办〔2026〕\\d+号"));
        office().body("""
                {"items": [{"problemId": %d, "leadUnitId": %d, "deadline": "2026-12-31", "requirement": "再交办"}]}"""
                .formatted(problem, unitId("株洲市发展和改革委员会"))).post("/api/v1/sessions/{id}/tickets", session).then().statusCode(409);
    }

    @Test
    void onlyClassifiedProblemsAreAssignedAndDeadlinesAreNotInThePast() {
        clock.set(LocalDateTime.of(2026, 12, 2, 9, 0));
        long session = planSession("2026-12-02");
        long open = office().body("""
                {"taskId": %d, "description": "未分类问题", "raisedByUnitId": %d}""".formatted(taskId("N6"), unitId("株洲市发展和改革委员会")))
                .post("/api/v1/problems").then().statusCode(201).extract().jsonPath().getLong("id");
        office().body("""
                {"items": [{"problemId": %d, "leadUnitId": %d, "deadline": "2026-12-31", "requirement": "x"}]}"""
                .formatted(open, unitId("株洲市发展和改革委员会"))).post("/api/v1/sessions/{id}/tickets", session).then().statusCode(400)
                .body("violations[0].field", equalTo("items[0].problemId"));
        office().body("""
                {"items": [{"problemId": %d, "leadUnitId": %d, "deadline": "2026-12-01", "requirement": "x"}]}"""
                .formatted(classifiedProblemOnN6(), unitId("株洲市发展和改革委员会"))).post("/api/v1/sessions/{id}/tickets", session).then()
                .statusCode(400).body("violations[0].field", equalTo("items[0].deadline"));
        office().get("/api/v1/sessions/{id}", session).then().body("tickets.size()", equalTo(0));
    }

    @Test
    void ticketsIssuedAtOnceGetConsecutiveNumbersWithoutGapsOrDuplicates() throws Exception {
        clock.set(LocalDateTime.of(2026, 12, 3, 9, 0));
        long sessionA = planSession("2026-12-03");
        long sessionB = planSession("2026-12-03");
        long problemA = classifiedProblemOnN6();
        long problemB = classifiedProblemOnN6();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> calls = List.of(() -> issue(sessionA, problemA, "2026-12-31", false).getInt("seq"),
                    () -> issue(sessionB, problemB, "2026-12-31", false).getInt("seq"));
            List<Integer> seqs = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                seqs.add(f.get());
            }
            assertThat(seqs).doesNotHaveDuplicates();
            assertThat(Math.abs(seqs.get(0) - seqs.get(1))).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoPeopleActingOnTheSameVersionCannotBothWin() throws Exception {
        clock.set(LocalDateTime.of(2026, 12, 4, 9, 0));
        long item = issue(planSession("2026-12-04"), classifiedProblemOnN6(), "2026-12-31", false).getLong("items[0].id");
        String body = "{\"version\": %d}".formatted(version(item));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> sign = () -> liaison(DEVELOPMENT).body(body).post("/api/v1/ticket-items/{id}/acknowledgements", item)
                    .then().extract().statusCode();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(List.of(sign, sign))) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(office().get("/api/v1/ticket-items/{id}/history", item).then().extract().jsonPath().getList("items.to"))
                .containsExactly("ISSUED", "ACKNOWLEDGED");
    }
}
