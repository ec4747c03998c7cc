package cn.gov.zhuzhou.duban.events;

import static cn.gov.zhuzhou.duban.support.Api.as;
import static cn.gov.zhuzhou.duban.support.Api.asJson;
import static cn.gov.zhuzhou.duban.support.Api.taskId;
import static cn.gov.zhuzhou.duban.support.Api.unitId;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.zhuzhou.duban.support.Api;
import cn.gov.zhuzhou.duban.support.Fixtures;
import cn.gov.zhuzhou.duban.support.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The change feed: every change as an event, in commit order, paged by cursor, each caller seeing only what it may read. */
@QuarkusTest
class EventFeedTest {

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** The cursor at the end of the feed as {@code token} reads it now. */
    static String endOfFeed(String token) {
        String cursor = null;
        while (true) {
            var spec = as(token).queryParam("size", 200);
            if (cursor != null) {
                spec = spec.queryParam("after", cursor);
            }
            JsonPath page = spec.get("/api/v1/events").then().statusCode(200).extract().jsonPath();
            cursor = page.getString("next");
            if (page.getList("items").isEmpty()) {
                return cursor;
            }
        }
    }

    /** Every event after {@code cursor} as {@code token} reads it. */
    static List<Map<String, Object>> eventsAfter(String token, String cursor) {
        List<Map<String, Object>> all = new ArrayList<>();
        while (true) {
            JsonPath page = as(token).queryParam("size", 200).queryParam("after", cursor).get("/api/v1/events").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            if (items.isEmpty()) {
                return all;
            }
            all.addAll(items);
            cursor = page.getString("next");
        }
    }

    static List<Map<String, Object>> about(List<Map<String, Object>> events, String resourceType, long id) {
        return events.stream().filter(e -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> r = (Map<String, Object>) e.get("resource");
            return r.get("type").equals(resourceType) && r.get("id").equals(String.valueOf(id));
        }).toList();
    }

    static void reportProgress(String token, long task, int percent) {
        asJson(token).body("""
                {"status": "IN_PROGRESS", "progressPercent": %d, "note": "本月推进", "version": %d}"""
                .formatted(percent, Fixtures.version("/api/v1/tasks/" + task))).post("/api/v1/tasks/{id}/progress", task).then().statusCode(200);
    }

    @Test
    void aProgressReportIsAnEventCarryingTheTaskAsItsGetShowsIt() {
        String cursor = endOfFeed(Tokens.office());
        long task = Api.aTask("事件测试任务");
        reportProgress(Tokens.office(), task, 30);
        reportProgress(Tokens.office(), task, 45);

        List<Map<String, Object>> events = about(eventsAfter(Tokens.office(), cursor), "task", task);
        assertThat(events).extracting(e -> e.get("type")).containsExactly("task.progress-changed", "task.progress-changed");
        assertThat(events).extracting(e -> e.get("sequence")).containsExactly(1, 2);
        assertThat(events.get(0).get("id").toString()).matches("[0-9a-f-]{36}").isNotEqualTo(events.get(1).get("id"));
        Map<String, Object> asGetShowsIt = Api.given().get("/api/v1/tasks/{id}", task).then().statusCode(200).extract().jsonPath().getMap("$");
        assertThat(events.get(1).get("data")).isEqualTo(asGetShowsIt);
        assertThat(((Map<?, ?>) events.get(0).get("data")).get("progressPercent")).isEqualTo(30);
    }

    @Test
    void theFeedPagesWithItsNextCursorAndStaysPutWhenNothingIsNew() {
        String cursor = endOfFeed(Tokens.office());
        long task = Api.aTask("分页事件任务");
        reportProgress(Tokens.office(), task, 10);
        reportProgress(Tokens.office(), task, 20);
        reportProgress(Tokens.office(), task, 30);

        JsonPath first = as(Tokens.office()).queryParam("after", cursor).queryParam("size", 2).get("/api/v1/events").then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("items.data.progressPercent")).containsExactly(10, 20);
        JsonPath second = as(Tokens.office()).queryParam("after", first.getString("next")).queryParam("size", 2).get("/api/v1/events").then().statusCode(200)
                .extract().jsonPath();
        assertThat(second.getList("items.data.progressPercent")).containsExactly(30);
        JsonPath third = as(Tokens.office()).queryParam("after", second.getString("next")).get("/api/v1/events").then().statusCode(200).extract().jsonPath();
        assertThat(third.getList("items")).isEmpty();
        assertThat(third.getString("next")).isEqualTo(second.getString("next"));
    }

    @Test
    void aMangledCursorIsA400NamingAfter() {
        as(Tokens.office()).queryParam("after", "42").get("/api/v1/events").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("after"));
        as(Tokens.office()).queryParam("size", 201).get("/api/v1/events").then().statusCode(400);
    }

    @Test
    void aPartnerSeesTheSharedTasksEventsOnly() {
        String partnerCursor = endOfFeed(Tokens.partner("XT"));
        long shared = taskId("N1");
        long zhuzhouOnly = Api.aTask("本市任务");
        reportProgress(Tokens.partner("CS"), shared, 61);
        reportProgress(Tokens.office(), zhuzhouOnly, 12);

        List<Map<String, Object>> seen = eventsAfter(Tokens.partner("XT"), partnerCursor);
        assertThat(about(seen, "task", shared)).hasSize(1);
        assertThat(about(seen, "task", zhuzhouOnly)).isEmpty();
        assertThat(seen).allSatisfy(e -> assertThat(e.get("type")).isEqualTo("task.progress-changed"));
    }

    @Test
    void aLiaisonSeesItsOwnUnitsEventsOnly() {
        String transport = endOfFeed(Tokens.liaison("ZZ-TRANS"));
        String education = endOfFeed(Tokens.liaison("ZZ-EDU"));
        long task = Api.aTask("交通局的任务"); // 株洲市交通运输局 answers for it
        reportProgress(Tokens.office(), task, 33);
        long problem = asJson(Tokens.office()).body("""
                {"taskId": %d, "description": "教育局的问题", "raisedByUnitId": %d}""".formatted(taskId("N8.2"), unitId("株洲市教育局")))
                .post("/api/v1/problems").then().statusCode(201).extract().jsonPath().getLong("id");

        List<Map<String, Object>> transportSees = eventsAfter(Tokens.liaison("ZZ-TRANS"), transport);
        List<Map<String, Object>> educationSees = eventsAfter(Tokens.liaison("ZZ-EDU"), education);
        assertThat(about(transportSees, "task", task)).hasSize(1);
        assertThat(about(transportSees, "problem", problem)).isEmpty();
        assertThat(about(educationSees, "problem", problem)).extracting(e -> e.get("type")).containsExactly("problem.raised");
        assertThat(about(educationSees, "task", task)).isEmpty();
    }

    /** A submitted monthly report moves each task it reports on: one event per task, numbered per task, read by the unit. */
    @Test
    void aSubmittedReportIsAnEventForEachOfItsTasks() {
        String transport = endOfFeed(Tokens.liaison("ZZ-TRANS"));
        String education = endOfFeed(Tokens.liaison("ZZ-EDU"));
        long before = Api.aTask("月报事件任务甲"); // 株洲市交通运输局 answers for both
        long fresh = Api.aTask("月报事件任务乙");
        reportProgress(Tokens.office(), before, 20);
        long report = asJson(Tokens.liaison("ZZ-TRANS")).body("""
                {"month": "%s", "entries": [{"taskId": %d, "workDone": "月报甲", "progressPercent": 40, "track": "ON_TRACK"},
                 {"taskId": %d, "workDone": "月报乙", "progressPercent": 15, "track": "ON_TRACK"}]}"""
                .formatted(Fixtures.freshMonth(), before, fresh)).post("/api/v1/reports").then().statusCode(201).extract().jsonPath().getLong("id");
        asJson(Tokens.liaison("ZZ-TRANS")).body("{\"version\": %d}".formatted(Fixtures.version("/api/v1/reports/" + report)))
                .post("/api/v1/reports/{id}/submissions", report).then().statusCode(200);

        List<Map<String, Object>> transportSees = eventsAfter(Tokens.liaison("ZZ-TRANS"), transport);
        assertThat(about(transportSees, "task", before)).extracting(e -> e.get("sequence")).containsExactly(1, 2);
        assertThat(about(transportSees, "task", fresh)).extracting(e -> e.get("sequence")).containsExactly(1);
        Map<String, Object> freshAsGetShowsIt = Api.given().get("/api/v1/tasks/{id}", fresh).then().statusCode(200).extract().jsonPath().getMap("$");
        assertThat(about(transportSees, "task", fresh).get(0).get("data")).isEqualTo(freshAsGetShowsIt);
        // the office's report of today is later than the report's month (long past): it stands, the month's report only
        // enters the task's history
        assertThat(((Map<?, ?>) about(transportSees, "task", before).get(1).get("data")).get("progressPercent")).isEqualTo(20);
        assertThat(((Map<?, ?>) about(transportSees, "task", fresh).get(0).get("data")).get("progressPercent")).isEqualTo(15);
        List<Map<String, Object>> educationSees = eventsAfter(Tokens.liaison("ZZ-EDU"), education);
        assertThat(about(educationSees, "task", before)).isEmpty();
        assertThat(about(educationSees, "task", fresh)).isEmpty();
    }

    @Test
    void aRolledBackChangeLeavesNoEvent() {
        long session = Fixtures.newSession();
        String cursor = endOfFeed(Tokens.office());
        // The first item is key, so issuing it opens a supervision case (an event) before the second item is refused.
        String refused = """
                {"items": [{"problemId": %d, "leadUnitId": %d, "deadline": "%s", "key": true, "requirement": "重点事项"},
                           {"problemId": %d, "leadUnitId": 99999999, "deadline": "%s", "key": false, "requirement": "单位不存在"}]}"""
                .formatted(Fixtures.classifiedProblem(), unitId("株洲市教育局"), Fixtures.today().plusDays(30), Fixtures.classifiedProblem(),
                        Fixtures.today().plusDays(30));
        Api.json().body(refused).post("/api/v1/sessions/{id}/tickets", session).then().statusCode(400);
        assertThat(eventsAfter(Tokens.office(), cursor)).extracting(e -> e.get("type")).doesNotContain("supervision-case.opened", "ticket.issued");

        String accepted = """
                {"items": [{"problemId": %d, "leadUnitId": %d, "deadline": "%s", "key": true, "requirement": "重点事项"}]}"""
                .formatted(Fixtures.classifiedProblem(), unitId("株洲市教育局"), Fixtures.today().plusDays(30));
        long ticket = Api.json().body(accepted).post("/api/v1/sessions/{id}/tickets", session).then().statusCode(201).extract().jsonPath().getLong("id");
        List<Map<String, Object>> after = eventsAfter(Tokens.office(), cursor);
        assertThat(after).extracting(e -> e.get("type")).contains("supervision-case.opened", "ticket.issued");
        assertThat(about(after, "ticket", ticket)).hasSize(1);
    }

    @Test
    void anEventCommittedAfterALaterOneIsNotSkippedByTheCursor() throws Exception {
        String cursor = endOfFeed(Tokens.office());
        String early = "early-" + UUID.randomUUID(), late = "late-" + UUID.randomUUID();
        try (Connection slow = dataSource.getConnection(); Connection quick = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            insertEvent(slow, early); // the smaller id, still uncommitted
            quick.setAutoCommit(true);
            insertEvent(quick, late);

            JsonPath page = as(Tokens.office()).queryParam("after", cursor).queryParam("size", 200).get("/api/v1/events").then().statusCode(200).extract()
                    .jsonPath();
            assertThat(page.getList("items.resource.id")).contains(late).doesNotContain(early);
            String next = page.getString("next");

            slow.commit();
            assertThat(eventsAfter(Tokens.office(), next)).extracting(e -> (Object) ((Map<?, ?>) e.get("resource")).get("id")).contains((Object) early);
        }
    }

    /**
     * Two units' monthly reports can name the same task and repeat its progress unchanged: no update of the task's row,
     * so nothing but the event's own numbering puts the second after the first. The second waits for the first's
     * commit and takes the next number (it used to take the same one and fail 500 on the unique key).
     */
    @Test
    void twoTransactionsRecordingOneResourceNumberItsEventsOneAfterTheOther() throws Exception {
        String resource = "both-" + UUID.randomUUID();
        CountDownLatch firstRecorded = new CountDownLatch(1), commitFirst = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = threads.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                DomainEvents.record(EventType.TASK_PROGRESS_CHANGED, resource, Map.of("n", 1), v -> Audience.staffOnly());
                firstRecorded.countDown();
                awaitQuietly(commitFirst);
            }));
            assertThat(firstRecorded.await(10, TimeUnit.SECONDS)).isTrue();
            Future<?> second = threads.submit(() -> QuarkusTransaction.requiringNew().run(
                    () -> DomainEvents.record(EventType.TASK_PROGRESS_CHANGED, resource, Map.of("n", 2), v -> Audience.staffOnly())));
            Thread.sleep(300); // the second reaches the first's lock
            assertThat(second.isDone()).as("the second waits for the first's commit").isFalse();
            commitFirst.countDown();
            first.get(10, TimeUnit.SECONDS);
            second.get(10, TimeUnit.SECONDS);
        } finally {
            commitFirst.countDown();
            threads.shutdownNow();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select resource_seq, payload from domain_event where resource_type = 'task' and resource_id = ? order by resource_seq")) {
            ps.setString(1, resource);
            List<String> numbered = new ArrayList<>();
            try (var rows = ps.executeQuery()) {
                while (rows.next()) {
                    numbered.add(rows.getLong(1) + " " + rows.getString(2));
                }
            }
            assertThat(numbered).containsExactly("1 {\"n\":1}", "2 {\"n\":2}");
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void insertEvent(Connection c, String resourceId) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into domain_event (event_id, type, resource_type, resource_id, resource_seq, occurred_at, payload, partner_visible)
                values (?, 'task.progress-changed', 'test', ?, 1, utc_timestamp(6), '{}', false)""")) {
            ps.setString(1, UUID.randomUUID().toString());
            ps.setString(2, resourceId);
            ps.executeUpdate();
        }
    }
}
