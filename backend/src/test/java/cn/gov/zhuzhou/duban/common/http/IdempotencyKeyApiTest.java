package cn.gov.zhuzhou.duban.common.http;

import static cn.gov.zhuzhou.duban.support.Api.asJson;
import static cn.gov.zhuzhou.duban.support.Api.given;
import static cn.gov.zhuzhou.duban.support.Api.json;
import static cn.gov.zhuzhou.duban.support.Api.scratchPlanId;
import static cn.gov.zhuzhou.duban.support.Api.taskId;
import static cn.gov.zhuzhou.duban.support.Api.unique;
import static cn.gov.zhuzhou.duban.support.Api.unitId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import cn.gov.zhuzhou.duban.support.Fixtures;
import cn.gov.zhuzhou.duban.support.TestClock;
import cn.gov.zhuzhou.duban.support.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A partner city's system retries its writes safely with Idempotency-Key: the same request again gets the first answer
 * and changes nothing; the key reused for something else is 422; the key used while the first is still running is 409.
 */
@QuarkusTest
class IdempotencyKeyApiTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String CHANGSHA = "CS";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    IdempotencyJobs jobs;
    @Inject
    TestClock clock;

    @BeforeEach
    void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static String progress(long task, int percent) {
        return """
                {"status": "IN_PROGRESS", "progressPercent": %d, "note": "长沙方面本月推进情况", "version": %d}"""
                .formatted(percent, Fixtures.version("/api/v1/tasks/" + task));
    }

    private static Response reportAsChangsha(long task, String key, String body) {
        return asJson(Tokens.partner(CHANGSHA)).header("Idempotency-Key", '"' + key + '"').body(body)
                .post("/api/v1/tasks/{id}/progress", task);
    }

    private static long progressCount(long task) {
        return given().get("/api/v1/tasks/{id}/progress", task).then().statusCode(200).extract().jsonPath().getLong("totalItems");
    }

    @Test
    void aRetriedProgressReportGetsTheFirstAnswerAndIsRecordedOnce() throws SQLException {
        long task = taskId("N1");
        long before = progressCount(task);
        String key = UUID.randomUUID().toString();
        String body = progress(task, 41);

        Response first = reportAsChangsha(task, key, body);
        first.then().statusCode(200).body("progressPercent", equalTo(41));
        Response retry = reportAsChangsha(task, key, body);

        retry.then().statusCode(200).header(IdempotencyFilter.REPLAYED, "true").header("ETag", first.header("ETag"))
                .contentType("application/json");
        assertThat(retry.asString()).isEqualTo(first.asString());
        assertThat(progressCount(task)).isEqualTo(before + 1);
        // Kept in the database (so it survives a restart and every instance sees it), under the partner's own subject.
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select state, response_status, expires_at > created_at + interval 23 hour from idempotency_key where client = ? and idem_key = ?")) {
            s.setString(1, "service-account-duban-partner-cs");
            s.setString(2, key);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("DONE");
                assertThat(rs.getInt(2)).isEqualTo(200);
                assertThat(rs.getBoolean(3)).isTrue();
            }
        }
    }

    @Test
    void aRetriedCreationRepeatsTheLocationAndCreatesOneTask() {
        String code = unique("IDEM-");
        String body = """
                {"planId": %d, "code": "%s", "kind": "NEAR_TERM", "title": "幂等创建的任务",
                 "responsibleUnits": [{"unitId": %d, "role": "MAIN"}], "deadline": "2026-12-31"}
                """.formatted(scratchPlanId(), code, unitId("株洲市交通运输局"));
        String key = UUID.randomUUID().toString();

        Response first = json().header("Idempotency-Key", key).body(body).post("/api/v1/tasks");
        first.then().statusCode(201);
        Response retry = json().header("Idempotency-Key", key).body(body).post("/api/v1/tasks");

        retry.then().statusCode(201).header("Location", first.header("Location")).header(IdempotencyFilter.REPLAYED, "true");
        assertThat(retry.asString()).isEqualTo(first.asString());
        given().queryParam("planId", scratchPlanId()).queryParam("q", code).get("/api/v1/tasks").then().statusCode(200)
                .body("totalItems", equalTo(1));
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndChangesNothing() {
        long task = taskId("N1");
        String key = UUID.randomUUID().toString();
        reportAsChangsha(task, key, progress(task, 43)).then().statusCode(200);
        long after = progressCount(task);

        reportAsChangsha(task, key, progress(task, 44)).then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("https://duban.zhuzhou.gov.cn/problems/idempotency-key-reused"))
                .body("detail", matchesPattern("(?s).*[\\u4e00-\\u9fa5].*"));
        assertThat(progressCount(task)).isEqualTo(after);
        given().get("/api/v1/tasks/{id}", task).then().body("progressPercent", equalTo(43));
    }

    @Test
    void keysBelongToTheirClient() {
        long task = taskId("N1");
        String key = UUID.randomUUID().toString();
        reportAsChangsha(task, key, progress(task, 45)).then().statusCode(200);
        // The office uses the same key for its own request: another client, another key space.
        json().header("Idempotency-Key", key).body(progress(task, 46)).post("/api/v1/tasks/{id}/progress", task).then()
                .statusCode(200).header(IdempotencyFilter.REPLAYED, (String) null);
    }

    @Test
    void aRetryWhileTheFirstIsStillRunningIsToldToWait() throws Exception {
        long task = taskId("N1");
        long before = progressCount(task);
        String key = UUID.randomUUID().toString();
        String body = progress(task, 47);
        CompletableFuture<Response> first;
        try (Connection lock = dataSource.getConnection()) {
            // Someone else holds the task's row: the first request waits in the middle of its work.
            lock.setAutoCommit(false);
            try (Statement s = lock.createStatement()) {
                s.executeQuery("select id from task where id = " + task + " for update").close();
            }
            first = CompletableFuture.supplyAsync(() -> reportAsChangsha(task, key, body));
            awaitKeyTaken(key);

            reportAsChangsha(task, key, body).then().statusCode(409).contentType(PROBLEM)
                    .body("type", equalTo("https://duban.zhuzhou.gov.cn/problems/idempotency-in-progress"));
            lock.rollback();
        }
        Response answer = first.get(60, TimeUnit.SECONDS);
        answer.then().statusCode(200);
        reportAsChangsha(task, key, body).then().statusCode(200).header(IdempotencyFilter.REPLAYED, "true");
        assertThat(progressCount(task)).isEqualTo(before + 1);
    }

    @Test
    void theSameKeySentSeveralTimesAtOnceRecordsOneReport() throws Exception {
        long task = taskId("N1");
        long before = progressCount(task);
        String key = UUID.randomUUID().toString();
        String body = progress(task, 48);
        int senders = 4;
        CyclicBarrier start = new CyclicBarrier(senders);
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < senders; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return reportAsChangsha(task, key, body);
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            String firstBody = null;
            for (Future<Response> f : answers) {
                Response r = f.get(60, TimeUnit.SECONDS);
                statuses.add(r.statusCode());
                if (r.statusCode() == 200) {
                    firstBody = firstBody == null ? r.asString() : firstBody;
                    assertThat(r.asString()).isEqualTo(firstBody);
                }
            }
            // each is the first answer (200, one of them recorded it, the others replayed it) or 409 while the first
            // is still being served; when the senders happen to arrive one after another, all are 200
            assertThat(statuses).isSubsetOf(200, 409).contains(200);
        } finally {
            pool.shutdownNow();
        }
        assertThat(progressCount(task)).isEqualTo(before + 1);
    }

    @Test
    void anAnswerAboutTheMomentIsNotKeptSoTheKeyMayBeRetried() throws SQLException {
        long task = taskId("N1");
        String key = UUID.randomUUID().toString();
        String stale = """
                {"status": "IN_PROGRESS", "progressPercent": 49, "note": "旧版本上的进度", "version": %d}"""
                .formatted(Fixtures.version("/api/v1/tasks/" + task) - 1);
        reportAsChangsha(task, key, stale).then().statusCode(409);
        assertThat(keyRows(key)).isZero();
    }

    @Test
    void aMalformedKeyIsBadInput() {
        long task = taskId("N1");
        asJson(Tokens.partner(CHANGSHA)).header("Idempotency-Key", "k".repeat(256)).body(progress(task, 50))
                .post("/api/v1/tasks/{id}/progress", task).then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void theScheduleForgetsExpiredKeysAndKeepsTheOthers() throws SQLException {
        String expired = UUID.randomUUID().toString();
        String live = UUID.randomUUID().toString();
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                insert into idempotency_key (client, idem_key, fingerprint, state, locked_at, created_at, expires_at, response_status)
                values ('purge-test', ?, repeat('0', 64), 'DONE', ?, ?, ?, 201)""")) {
            for (String[] row : new String[][] {{expired, "-25", "-1"}, {live, "-1", "23"}}) {
                // The service stores UTC (quarkus.hibernate-orm.jdbc.timezone): so does this row.
                LocalDateTime created = LocalDateTime.ofInstant(now.plus(Long.parseLong(row[1]), ChronoUnit.HOURS), ZoneOffset.UTC);
                s.setString(1, row[0]);
                s.setObject(2, created);
                s.setObject(3, created);
                s.setObject(4, LocalDateTime.ofInstant(now.plus(Long.parseLong(row[2]), ChronoUnit.HOURS), ZoneOffset.UTC));
                s.executeUpdate();
            }
        }

        jobs.purgeExpiredKeys(now);

        assertThat(keyRows(expired)).isZero();
        assertThat(keyRows(live)).isEqualTo(1);
        given().queryParam("job", IdempotencyJobs.JOB).get("/api/v1/job-runs").then().statusCode(200)
                .body("items[0].outcome", equalTo("SUCCEEDED"));
    }

    private long keyRows(String key) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select count(*) from idempotency_key where idem_key = ?")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void awaitKeyTaken(String key) throws Exception {
        for (int i = 0; i < 200; i++) {
            if (keyRows(key) == 1) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the first request never took its key");
    }
}
