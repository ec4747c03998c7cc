package cn.gov.zhuzhou.duban.dispatch;

import static cn.gov.zhuzhou.duban.support.Api.liaison;
import static cn.gov.zhuzhou.duban.support.Api.office;
import static cn.gov.zhuzhou.duban.support.Api.as;
import static cn.gov.zhuzhou.duban.support.Api.taskId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.zhuzhou.duban.support.Fixtures;
import cn.gov.zhuzhou.duban.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Annex 2, rules 4 and 5: the office dispatches everything once a month. The schedule plans the month's regular
 * session from the 6th — once — with last month's unreported units and every unsettled problem on its agenda.
 */
@QuarkusTest
class RegularSessionTest {

    @Inject
    TestClock clock;

    @Inject
    RegularSessionPlanner schedule;

    @BeforeEach
    void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }



    @Inject
    jakarta.persistence.EntityManager db;

    /** How many sessions the database holds as the regular session of {@code month}. */
    long regularSessionsOf(YearMonth month) {
        return regularSessionsOf(db, month);
    }

    /** The same count, for any suite with an entity manager (ScheduledJobsTest runs in its own application). */
    static long regularSessionsOf(jakarta.persistence.EntityManager db, YearMonth month) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> db
                .createQuery("select count(s) from DispatchSession s where s.regularMonth = :m", Long.class)
                .setParameter("m", month.toString()).getSingleResult());
    }

    /** A month for reports that no other test uses, and the month after it, when its session is held. */
    static YearMonth[] reportedAndSessionMonth() {
        YearMonth reported = YearMonth.parse(Fixtures.freshMonth());
        return new YearMonth[] {reported, reported.plusMonths(1)};
    }

    @Test
    void theScheduleCallsLastMonthsUnreportedUnitsAndEveryUnsettledProblemToTheMonthlySession() {
        YearMonth[] months = reportedAndSessionMonth();
        YearMonth reported = months[0], month = months[1];
        clock.set(month.atDay(3).atTime(9, 0));
        // Education reports on time; the development commission drafts but never submits; transport does not report at all.
        long eduReport = Fixtures.newReportOf("ZZ-EDU", "N8.2", reported);
        liaison("ZZ-EDU").body("{\"version\": %d}".formatted(Fixtures.version("/api/v1/reports/" + eduReport)))
                .post("/api/v1/reports/{id}/submissions", eduReport).then().statusCode(200);
        Fixtures.newReportOf("ZZ-DRC", "N6", reported);
        long unsettled = Fixtures.newProblem();
        long settledItem = Fixtures.doneTicketItem();
        office().body("{\"version\": %d}".formatted(Fixtures.version("/api/v1/ticket-items/" + settledItem)))
                .post("/api/v1/ticket-items/{id}/verifications", settledItem).then().statusCode(200);
        long settled = office().get("/api/v1/ticket-items/{id}", settledItem).then().extract().jsonPath().getLong("problemId");

        // Up to the 5th, reports are not due yet: the nightly run plans nothing.
        assertThat(schedule.planThisMonthIfDue()).isEmpty();

        // The 6th, at night: the month's regular session is planned.
        clock.set(month.atDay(6).atTime(1, 0));
        RegularSessionPlanner.Outcome planned = schedule.planThisMonthIfDue().orElseThrow();
        assertThat(planned.created()).isTrue();
        JsonPath session = office().get("/api/v1/sessions/{id}", planned.session().id()).then().statusCode(200).extract().jsonPath();
        assertThat(session.getString("type")).isEqualTo("REGULAR");
        assertThat(session.getString("level")).isEqualTo("OFFICE");
        assertThat(session.getString("regularMonth")).isEqualTo(month.toString());
        assertThat(session.getString("heldOn")).isEqualTo(month.atDay(10).toString());
        assertThat(session.getString("title")).isEqualTo(month.getYear() + "年" + month.getMonthValue() + "月长株潭一体化工作例行调度会");
        assertThat(session.getLong("chair.positionId")).isEqualTo(Fixtures.chairPost());
        assertThat(session.getString("audit.createdBy")).isEqualTo("system");
        List<String> calledUnits = session.getList("agendaUnits.code");
        assertThat(calledUnits).contains("ZZ-DRC", "ZZ-TRANS").doesNotContain("ZZ-EDU");
        assertThat(session.getList("participants.code", String.class)).contains("ZZ-DRC", "ZZ-TRANS", "ZZ-EDU");
        assertThat(session.getList("agendaProblemIds", Long.class)).contains(unsettled).doesNotContain(settled);
        assertThat(session.getList("agendaTaskIds", Long.class)).contains(taskId("N8.2"));

        // Every later night, and the office asking again, find the same session: one per month.
        clock.set(month.atDay(20).atTime(1, 0));
        RegularSessionPlanner.Outcome again = schedule.planThisMonthIfDue().orElseThrow();
        assertThat(again.created()).isFalse();
        assertThat(again.session().id()).isEqualTo(planned.session().id());
        office().body("{\"month\": \"%s\"}".formatted(month)).post("/api/v1/regular-sessions").then().statusCode(200)
                .body("id", equalTo(planned.session().id().intValue()));
        assertThat(regularSessionsOf(month)).isEqualTo(1);
        office().queryParam("regularMonth", month.toString()).get("/api/v1/sessions").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].id", equalTo(planned.session().id().intValue()));
        office().queryParam("regularMonth", "12-2026").get("/api/v1/sessions").then().statusCode(400);

        // The session is worked like any other: a ticket from its agenda, then minutes and closing.
        long problem = Fixtures.classifiedProblem();
        office().body("""
                {"items": [{"problemId": %d, "leadUnitId": %d, "deadline": "%s", "key": false, "requirement": "月底前完成"}]}"""
                .formatted(problem, cn.gov.zhuzhou.duban.support.Api.unitId("株洲市教育局"), month.atEndOfMonth()))
                .post("/api/v1/sessions/{id}/tickets", planned.session().id()).then().statusCode(201);
    }

    @Test
    void aSettledProblemClosesAndReopensWhenItsVerifiedItemIsReturned() {
        long item = Fixtures.doneTicketItem();
        long problem = office().get("/api/v1/ticket-items/{id}", item).then().extract().jsonPath().getLong("problemId");
        office().body("{\"version\": %d}".formatted(Fixtures.version("/api/v1/ticket-items/" + item)))
                .post("/api/v1/ticket-items/{id}/verifications", item).then().statusCode(200);
        office().get("/api/v1/problems/{id}", problem).then().body("status", equalTo("CLOSED"));
        office().body("{\"text\": \"复核未通过\", \"version\": %d}".formatted(Fixtures.version("/api/v1/ticket-items/" + item)))
                .post("/api/v1/ticket-items/{id}/returns", item).then().statusCode(200);
        office().get("/api/v1/problems/{id}", problem).then().body("status", equalTo("CLASSIFIED"));
        JsonPath history = office().get("/api/v1/problems/{id}/history", problem).then().statusCode(200).extract().jsonPath();
        assertThat(history.getList("items.kind")).containsExactly("RAISED", "CLASSIFIED", "CLOSED", "REOPENED");
        assertThat(history.getString("items[3].reason")).contains("复核未通过");
    }

    @Test
    void twoPlannersAtOnceMakeOneSession() throws Exception {
        YearMonth month = reportedAndSessionMonth()[1];
        clock.set(month.atDay(7).atTime(1, 0));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Response> plan = () -> office().body("{\"month\": \"%s\"}".formatted(month)).post("/api/v1/regular-sessions");
            List<Future<Response>> both = pool.invokeAll(List.of(plan, plan));
            Response first = both.get(0).get(), second = both.get(1).get();
            assertThat(List.of(first.statusCode(), second.statusCode())).containsExactlyInAnyOrder(201, 200);
            assertThat(first.jsonPath().getLong("id")).isEqualTo(second.jsonPath().getLong("id"));
        } finally {
            pool.shutdownNow();
        }
        RegularSessionPlanner.Outcome scheduled = schedule.planThisMonthIfDue().orElseThrow();
        assertThat(scheduled.created()).isFalse();
        assertThat(regularSessionsOf(month)).isEqualTo(1);
    }

    @Test
    void aFutureMonthOrABadMonthIsRefusedAndChangesNothing() {
        // 2009 lies before every month the fixtures hand out.
        clock.set(LocalDateTime.of(2009, 6, 15, 9, 0));
        office().body("{\"month\": \"2009-07\"}").post("/api/v1/regular-sessions").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("month"));
        office().body("{\"month\": \"2009-13\"}").post("/api/v1/regular-sessions").then().statusCode(400)
                .contentType("application/problem+json");
        office().body("{}").post("/api/v1/regular-sessions").then().statusCode(400);
        assertThat(regularSessionsOf(YearMonth.of(2009, 7))).isZero();
    }

    @Test
    void theOfficeReplansTheMonthlySessionOrCallsItOffWhileNoTicketIsOut() {
        YearMonth month = reportedAndSessionMonth()[1];
        clock.set(month.atDay(6).atTime(1, 0));
        long session = schedule.planThisMonthIfDue().orElseThrow().session().id();
        JsonPath planned = office().get("/api/v1/sessions/{id}", session).then().extract().jsonPath();
        long edu = cn.gov.zhuzhou.duban.support.Api.unitId("株洲市教育局");
        String replan = """
                {"form": "ON_SITE", "level": "OFFICE", "title": "%s", "chairPositionId": %d, "heldOn": "%s", "place": "株洲物流园现场",
                 "participantUnitIds": [%d], "agendaTaskIds": [], "agendaProblemIds": [], "version": %%d}"""
                .formatted(planned.getString("title"), Fixtures.chairPost(), month.atDay(12), edu);

        // A stale version or an unknown chair is refused and changes nothing.
        String before = office().get("/api/v1/sessions/{id}", session).then().extract().asString();
        office().header("If-Match", "\"" + (planned.getLong("version") + 1) + "\"").body(replan.formatted(planned.getLong("version") + 1))
                .put("/api/v1/sessions/{id}", session).then().statusCode(412);
        office().body(replan.replace("\"chairPositionId\": " + Fixtures.chairPost(), "\"chairPositionId\": 999999")
                .formatted(planned.getLong("version"))).header("If-Match", "\"" + planned.getLong("version") + "\"")
                .put("/api/v1/sessions/{id}", session).then().statusCode(400)
                .body("violations[0].field", equalTo("chairPositionId"));
        assertThat(office().get("/api/v1/sessions/{id}", session).then().extract().asString()).isEqualTo(before);

        // Moved to the 12th, on site: still the month's regular session, the unreported units still called.
        office().body(replan.formatted(planned.getLong("version"))).header("If-Match", "\"" + planned.getLong("version") + "\"")
                .put("/api/v1/sessions/{id}", session).then().statusCode(200)
                .body("heldOn", equalTo(month.atDay(12).toString())).body("form", equalTo("ON_SITE"))
                .body("place", equalTo("株洲物流园现场")).body("type", equalTo("REGULAR"))
                .body("regularMonth", equalTo(month.toString()))
                .body("agendaUnits.code", equalTo(planned.getList("agendaUnits.code")))
                .body("participants.code", equalTo(List.of("ZZ-EDU")));

        // Called off, with the reason: nothing more happens in it, and the schedule does not plan the month again.
        office().body("{\"reason\": \"与市委常委会时间冲突\", \"version\": %d}".formatted(Fixtures.version("/api/v1/sessions/" + session)))
                .post("/api/v1/sessions/{id}/cancellations", session).then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("cancelReason", equalTo("与市委常委会时间冲突"));
        office().body("""
                {"items": [{"problemId": %d, "leadUnitId": %d, "deadline": "%s", "key": false, "requirement": "不应出单"}]}"""
                .formatted(Fixtures.classifiedProblem(), edu, month.atEndOfMonth())).post("/api/v1/sessions/{id}/tickets", session).then()
                .statusCode(409).body("detail", org.hamcrest.Matchers.containsString("CANCELLED"));
        office().body(replan.formatted(Fixtures.version("/api/v1/sessions/" + session))).header("If-Match", Fixtures.etag("/api/v1/sessions/" + session))
                .put("/api/v1/sessions/{id}", session).then()
                .statusCode(409);
        assertThat(schedule.planThisMonthIfDue().orElseThrow().created()).isFalse();

        // A session whose ticket is out cannot be called off: its items are already with their units.
        long withTicket = office().get("/api/v1/ticket-items/{id}", Fixtures.newTicketItem()).then().extract().jsonPath()
                .getLong("ticket.id");
        long withTicketSession = office().get("/api/v1/tickets/{id}", withTicket).then().extract().jsonPath().getLong("sessionId");
        office().body("{\"reason\": \"取消\", \"version\": %d}".formatted(Fixtures.version("/api/v1/sessions/" + withTicketSession)))
                .post("/api/v1/sessions/{id}/cancellations", withTicketSession).then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("交办单"));
    }
}
