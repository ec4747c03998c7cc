package cn.gov.zhuzhou.duban.notification;

import static cn.gov.zhuzhou.duban.support.Api.asJson;
import static cn.gov.zhuzhou.duban.support.Api.unitId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.zhuzhou.duban.support.Fixtures;
import cn.gov.zhuzhou.duban.support.TestClock;
import cn.gov.zhuzhou.duban.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reminders 7 and 3 days before a deadline and every day once overdue; urgings at most once a day. */
@QuarkusTest
class ReminderTest {

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
        asJson(Tokens.supervisor()).body(urging.formatted("2027-02-02")).post("/api/v1/supervision-cases/{id}/urgings", caseId).then()
                .statusCode(200).body("actions.size()", equalTo(2));
        assertThat(kindsFor(Tokens.liaison("ZZ-EDU"), item)).containsExactly("URGING");
    }
}
