package cn.gov.zhuzhou.duban.notification;

import static cn.gov.zhuzhou.duban.support.Api.asJson;
import static cn.gov.zhuzhou.duban.support.Api.unitId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.zhuzhou.duban.support.Fixtures;
import cn.gov.zhuzhou.duban.support.TestClock;
import cn.gov.zhuzhou.duban.support.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reminders 7 and 3 days before a deadline and every day once overdue; urgings at most once a day. */
@QuarkusTest
class ReminderTest {

    @Inject
    TestClock clock;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }


    static long itemDue(String deadline) {
        long session = Fixtures.newSession();
        return asJson(Tokens.office()).body("""
                {"items": [{"problemId": %d, "leadUnitId": %d, "deadline": "%s", "key": false, "requirement": "按期办结"}]}"""
                .formatted(Fixtures.classifiedProblem(), unitId("株洲市教育局"), deadline)).post("/api/v1/sessions/{id}/tickets", session)
                .then().statusCode(201).extract().jsonPath().getLong("items[0].id");
    }

    static List<String> kindsFor(String token, long item) {
        io.restassured.path.json.JsonPath page = asJson(token).queryParam("itemId", item).queryParam("size", 200).get("/api/v1/notifications")
                .then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("items.itemId", Long.class)).as("only the item's own notifications").allMatch(id -> id == item);
        return page.getList("items.kind");
    }

    static void sweep() {
        asJson(Tokens.office()).post("/api/v1/reminder-sweeps").then().statusCode(200);
    }

    @Test
    void sevenAndThreeDaysAheadThenEveryDayOverdueOncePerDay() {
        clock.set(LocalDateTime.of(2027, 1, 1, 0, 35));
        long item = itemDue("2027-01-08");
        sweep();
        sweep();
        assertThat(kindsFor(Tokens.liaison("ZZ-EDU"), item)).containsExactly("REMINDER_7_DAYS");
        clock.set(LocalDateTime.of(2027, 1, 3, 0, 35));
        sweep();
        assertThat(kindsFor(Tokens.liaison("ZZ-EDU"), item)).containsExactly("REMINDER_7_DAYS");
        clock.set(LocalDateTime.of(2027, 1, 5, 0, 35));
        sweep();
        clock.set(LocalDateTime.of(2027, 1, 9, 0, 35));
        sweep();
        clock.set(LocalDateTime.of(2027, 1, 10, 0, 35));
        sweep();
        assertThat(kindsFor(Tokens.office(), item)).containsExactlyInAnyOrder("REMINDER_7_DAYS", "REMINDER_3_DAYS", "OVERDUE", "OVERDUE");
        assertThat(kindsFor(Tokens.liaison("ZZ-TRANS"), item)).isEmpty();
    }

    @Test
    void urgingsAreSpacedAndReachTheLeadUnit() {
        clock.set(LocalDateTime.of(2027, 2, 1, 9, 0));
        long item = itemDue("2027-02-20");
        long caseId = asJson(Tokens.supervisor()).body("{\"itemId\": %d}".formatted(item)).post("/api/v1/supervision-cases").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        String urging = """
                {"means": "PHONE", "toWhom": "市教育局局长", "content": "请加快办理", "actedOn": "%s"}""";
        asJson(Tokens.supervisor()).body(urging.formatted("2027-02-01")).post("/api/v1/supervision-cases/{id}/urgings", caseId).then()
                .statusCode(200);
        asJson(Tokens.supervisor()).body(urging.formatted("2027-02-01")).post("/api/v1/supervision-cases/{id}/urgings", caseId).then()
                .statusCode(409);
        clock.set(LocalDateTime.of(2027, 2, 2, 9, 0));
        asJson(Tokens.supervisor()).body(urging.formatted("2027-02-02")).post("/api/v1/supervision-cases/{id}/urgings", caseId).then()
                .statusCode(200).body("actions.size()", equalTo(2));
        assertThat(kindsFor(Tokens.liaison("ZZ-EDU"), item)).containsExactly("URGING", "URGING");
    }

    long notificationsOn(LocalDate day) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("select count(*) from notification where on_date = ?")) {
            q.setObject(1, day);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    @Test
    void concurrentSweepsSendEachReminderOnceAndAllSucceed() throws Exception {
        clock.set(LocalDateTime.of(2027, 4, 1, 9, 0));
        List<Long> items = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            items.add(itemDue("2027-04-0" + (2 + i)));
        }
        int sweeps = 6;
        ExecutorService pool = Executors.newFixedThreadPool(sweeps);
        try {
            for (int day = 10; day <= 12; day++) {
                LocalDate on = LocalDate.of(2027, 4, day);
                clock.set(on.atTime(0, 35));
                long before = notificationsOn(on);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<io.restassured.response.Response>> answers = new ArrayList<>();
                for (int s = 0; s < sweeps; s++) {
                    Callable<io.restassured.response.Response> sweep = () -> {
                        start.await();
                        return asJson(Tokens.office()).post("/api/v1/reminder-sweeps");
                    };
                    answers.add(pool.submit(sweep));
                }
                start.countDown();
                int sent = 0;
                for (Future<io.restassured.response.Response> answer : answers) {
                    io.restassured.response.Response r = answer.get();
                    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
                    sent += r.jsonPath().getInt("sent");
                }
                assertThat(sent).as("each reminder counted by exactly one sweep").isEqualTo(notificationsOn(on) - before)
                        .isGreaterThanOrEqualTo(items.size());
                asJson(Tokens.office()).post("/api/v1/reminder-sweeps").then().statusCode(200).body("sent", equalTo(0));
            }
        } finally {
            pool.shutdownNow();
        }
        for (long item : items) {
            assertThat(kindsFor(Tokens.office(), item)).containsExactly("OVERDUE", "OVERDUE", "OVERDUE");
        }
    }
}
