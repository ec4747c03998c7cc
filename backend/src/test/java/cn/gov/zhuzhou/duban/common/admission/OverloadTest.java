package cn.gov.zhuzhou.duban.common.admission;

import cn.gov.zhuzhou.duban.support.Elsewhere;
import static cn.gov.zhuzhou.duban.support.Api.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * More requests than the service can take at once: the ones that cannot get a turn in time are answered 503
 * problem+json "服务繁忙" (type overloaded) with Retry-After, distinct from the database being away, and the instance
 * stays ready (taking it out would only move its load onto the others).
 */
@QuarkusTest
class OverloadTest {

    private static final String OVERLOADED = "https://duban.zhuzhou.gov.cn/problems/overloaded";

    @Inject
    AdmissionControl admission;

    @Inject
    HeavyWork heavy;

    @Inject
    cn.gov.zhuzhou.duban.common.config.DubanConfig config;

    @Inject
    AgroalDataSource dataSource;

    private int taken;
    private int heavyTaken;

    @AfterEach
    void giveTurnsBack() {
        admission.permits().release(taken);
        taken = 0;
        heavy.turns().release(heavyTaken);
        heavyTaken = 0;
    }

    /** Every turn taken by requests in progress (here: held by the test for as long as it likes). */
    private void busyWithOtherRequests(int leaveFree) {
        taken = admission.permits().drainPermits();
        if (leaveFree > 0) {
            admission.permits().release(leaveFree);
            taken -= leaveFree;
        }
    }

    @Test
    void aRequestThatGetsNoTurnInTimeIsAnsweredOverloadedWhileTheInstanceStaysReady() {
        busyWithOtherRequests(0);

        given().get("/api/v1/tasks").then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("type", equalTo(OVERLOADED)).body("title", equalTo("服务繁忙")).body("status", equalTo(503))
                .body("detail", equalTo("服务繁忙，请求较多，请 2 秒后重试")).body("instance", equalTo("/api/v1/tasks"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));

        giveTurnsBack();
        given().get("/api/v1/tasks").then().statusCode(200);
    }

    @Test
    void aPlanTreeWaitsForOneOfTheFewHeavyTurnsAndIsAnsweredOverloadedWhenNoneComes() {
        long planId = cn.gov.zhuzhou.duban.support.Api.planId();
        heavyTaken = heavy.turns().drainPermits();

        given().get("/api/v1/plans/{id}/tree", planId).then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*")).body("type", equalTo(OVERLOADED));
        given().get("/api/v1/tasks").then().statusCode(200); // light reads do not wait behind the heavy ones

        heavy.turns().release(heavyTaken);
        heavyTaken = 0;
        given().get("/api/v1/plans/{id}/tree", planId).then().statusCode(200).contentType("application/json")
                .body("plan.id", equalTo((int) planId)).body("tasks.size()", org.hamcrest.Matchers.greaterThan(0));
        assertThat(heavy.turns().availablePermits()).as("the tree gave its turn back").isEqualTo(config.admission().maxHeavy());
    }

    @Test
    void theDashboardOfEveryPlanTakesAHeavyTurnWhileOnePlansDashboardDoesNot() {
        long planId = cn.gov.zhuzhou.duban.support.Api.planId();
        Elsewhere.commit(null); // no kept answer is current: this one is counted afresh
        heavyTaken = heavy.turns().drainPermits();

        given().get("/api/v1/dashboard").then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*")).body("type", equalTo(OVERLOADED))
                .body("instance", equalTo("/api/v1/dashboard"));
        given().queryParam("planId", planId).get("/api/v1/dashboard").then().statusCode(200).body("planId", equalTo((int) planId));

        heavy.turns().release(heavyTaken);
        heavyTaken = 0;
        given().get("/api/v1/dashboard").then().statusCode(200).body("lights.totals.size()", org.hamcrest.Matchers.greaterThan(0));
        assertThat(heavy.turns().availablePermits()).as("the dashboard gave its turn back").isEqualTo(config.admission().maxHeavy());
    }

    @Test
    void theAssessmentTakesAHeavyTurnButAMistypedYearIsRefusedAtOnce() {
        Elsewhere.commit(null); // no kept answer is current: this one is computed afresh
        heavyTaken = heavy.turns().drainPermits();

        given().get("/api/v1/assessments/{year}", "2026").then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*")).body("type", equalTo(OVERLOADED));
        // the year is checked before the wait for a turn: a 400 naming it, whatever the load
        given().get("/api/v1/assessments/{year}", "20x6").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("year"));
        given().get("/api/v1/assessments/{year}", "2018").then().statusCode(400).body("violations[0].field", equalTo("year"));

        heavy.turns().release(heavyTaken);
        heavyTaken = 0;
        given().get("/api/v1/assessments/{year}", "2026").then().statusCode(200).contentType("application/json")
                .body("year", equalTo(2026)).body("ranking.size()", org.hamcrest.Matchers.greaterThan(0));
        assertThat(heavy.turns().availablePermits()).as("the assessment gave its turn back").isEqualTo(config.admission().maxHeavy());
    }

    @Inject
    org.hibernate.SessionFactory sessionFactory;

    /**
     * Requests for the same year's assessment at the same time share one computation (SharedRead): three that arrive
     * while one waits for its heavy turn are answered by one more computation (at most), not three, with the same figures.
     */
    @Test
    void assessmentsAskedForAtTheSameTimeShareOneComputation() throws Exception {
        assertFourAtOnceCostAtMostTwoComputations("/api/v1/assessments/2026");
    }

    /** Leaders opening the dashboard of every plan at the same time share one count of it, as with the assessment. */
    @Test
    void dashboardsOfEveryPlanAskedForAtTheSameTimeShareOneCount() throws Exception {
        assertFourAtOnceCostAtMostTwoComputations("/api/v1/dashboard");
    }

    /**
     * One request to {@code path} alone, then one while the heavy turns are busy and three more arriving while it waits:
     * the four get what the one alone got, for the statements of two computations at most (without sharing: four). A
     * change is committed before each, so none is a kept answer (CachedRead): each request reads the records' version
     * (one statement) and computes or shares a computation.
     */
    private void assertFourAtOnceCostAtMostTwoComputations(String path) throws Exception {
        var stats = sessionFactory.getStatistics();
        Elsewhere.commit(null);
        stats.clear();
        String alone = given().get(path).then().statusCode(200).extract().asString();
        long one = stats.getPrepareStatementCount() - 1; // a computation, without the version's read
        assertThat(one).isPositive();
        Elsewhere.commit(null);

        heavyTaken = heavy.turns().drainPermits();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            stats.clear();
            Callable<String> ask = () -> given().get(path).then().statusCode(200).extract().asString();
            Future<String> first = clients.submit(ask); // computes, once it gets a turn
            Thread.sleep(200); // (the test profile's heavy-wait is 1 s)
            List<Future<String>> together = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                together.add(clients.submit(ask)); // arrive while the first waits: they share the next computation
            }
            Thread.sleep(300);
            heavy.turns().release(heavyTaken);
            heavyTaken = 0;
            assertThat(first.get()).isEqualTo(alone);
            for (Future<String> f : together) {
                assertThat(f.get()).isEqualTo(alone);
            }
            assertThat(stats.getPrepareStatementCount()).as("four versions read, at most two computations for four requests")
                    .isBetween(4 + one, 4 + 2 * one);
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aBurstBeyondTheTurnsIsServedOrAnsweredOverloadedNeverFailed() throws Exception {
        busyWithOtherRequests(1);
        ExecutorService clients = Executors.newFixedThreadPool(12);
        try {
            List<Callable<Response>> burst = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                burst.add(() -> given().get("/api/v1/tasks"));
            }
            int served = 0;
            for (Future<Response> f : clients.invokeAll(burst)) {
                Response r = f.get();
                if (r.statusCode() == 200) {
                    served++;
                } else {
                    assertThat(r.statusCode()).as(r.asString()).isEqualTo(503);
                    assertThat(r.jsonPath().getString("type")).isEqualTo(OVERLOADED);
                    assertThat(r.header("Retry-After")).isNotBlank();
                }
            }
            assertThat(served).as("the one free turn serves requests one after another").isPositive();
        } finally {
            clients.shutdownNow();
        }
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void theTurnsOfRequestsWhoseClientWentAwayAreGivenBack() throws Exception {
        int turns = admission.permits().availablePermits();
        for (int i = 0; i < turns + 3; i++) {
            try (java.net.Socket client = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
                client.getOutputStream().write(("GET /api/v1/tasks HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                        + cn.gov.zhuzhou.duban.support.Tokens.staff() + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                client.getOutputStream().flush();
            }
        }
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (admission.permits().availablePermits() < turns && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertThat(admission.permits().availablePermits()).as("every abandoned request gave its turn back").isEqualTo(turns);
        given().get("/api/v1/tasks").then().statusCode(200);
    }

    @Test
    void aPoolWithEveryConnectionLentOutIsAnOverloadNotAnOutage() throws Exception {
        int size = dataSource.getConfiguration().connectionPoolConfiguration().maxSize();
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < size; i++) {
                held.add(dataSource.getConnection());
            }
            given().get("/api/v1/tasks").then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                    .body("type", endsWith("/overloaded"));
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
        given().get("/api/v1/tasks").then().statusCode(200);
    }
}
