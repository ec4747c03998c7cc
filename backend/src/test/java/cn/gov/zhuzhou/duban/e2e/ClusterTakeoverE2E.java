package cn.gov.zhuzhou.duban.e2e;

import static cn.gov.zhuzhou.duban.e2e.KeycloakE2E.partner;
import static cn.gov.zhuzhou.duban.e2e.KeycloakE2E.user;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.zhuzhou.duban.webhook.Receiver;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The cluster drill of issue 13, with the packaged service and nothing simulated: this class starts its own
 * instances (java -jar target/quarkus-app/quarkus-run.jar, the JVM options of deploy/local/jvm.options) on a schema of
 * their own, with short periods: the idempotency-key purge every 3 s, the webhook dispatch every second.
 * <ol>
 * <li>Two instances, one Quartz cluster: each 3-second period's purge ran once, on one of them.</li>
 * <li>SIGTERM to one while a request of it waits on a row lock: readiness answers DOWN at once, the request
 * still completes 200, then the process exits.</li>
 * <li>The other, alone, is held in the middle of a purge (its DELETE waits on a row this test locks) and of a webhook
 * delivery (the receiver does not answer); a new instance joins; the held one is killed with SIGKILL. The new one
 * re-runs the cut-off purge (recorded INTERRUPTED, naming the run that redid it), delivers the event the dead one had
 * claimed once its lease runs out, and goes on with the next periods.</li>
 * <li>SIGTERM to the new one while its purge waits: the job finishes (SUCCEEDED, not cut in half), then it exits.</li>
 * </ol>
 * Driven by deploy/local/e2e.sh (it needs DUBAN_E2E_DB_URL and DUBAN_E2E_ISSUER: the Keycloak the other suites use).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTakeoverE2E {

    static final String PURGE = "idempotency-key-purge";
    static final Path APP = Path.of("target/quarkus-app").toAbsolutePath();
    static final Path JVM_OPTIONS = Path.of("../deploy/local/jvm.options").toAbsolutePath().normalize();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static String dbUrl;
    static String schema;
    static String dbUser;
    static String dbPassword;
    static Instance a;
    static Instance b;
    static Instance c;
    static final List<Instance> started = new ArrayList<>();
    static Receiver receiver;

    // ---- the instances -------------------------------------------------------------------------------------------

    /** One packaged service process; its job runs and leases name it "pid@host". */
    record Instance(String name, int port, Process process, Path log) {

        static Instance start(String name) throws IOException {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Path log = Path.of("target/e2e-" + name + ".log").toAbsolutePath();
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder pb = new ProcessBuilder(java, "@" + JVM_OPTIONS, "-Duser.timezone=Asia/Shanghai", "-Dfile.encoding=UTF-8",
                    "-jar", "quarkus-run.jar").directory(APP.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = pb.environment();
            env.put("DUBAN_DB_URL", dbUrl);
            env.put("DUBAN_DB_USER", dbUser);
            env.put("DUBAN_DB_PASSWORD", dbPassword);
            env.put("DUBAN_OIDC_ISSUER", System.getenv("DUBAN_E2E_ISSUER"));
            env.put("DUBAN_HTTP_PORT", Integer.toString(port));
            // Short periods for the drill; everything else as in production.
            env.put("DUBAN_HTTP_IDEMPOTENCY_PURGE_CRON", "0/3 * * * * ?");
            env.put("DUBAN_WEBHOOK_DISPATCH_EVERY", "1s");
            env.put("DUBAN_WEBHOOK_REQUEST_TIMEOUT", "30s");
            env.put("DUBAN_WEBHOOK_CONNECT_TIMEOUT", "1s");
            env.put("DUBAN_WEBHOOK_LEASE_MARGIN", "1s");
            env.put("DUBAN_WEBHOOK_ALLOWED_HOSTS", "*");
            env.put("DUBAN_WEBHOOKS_ALLOW_HTTP", "true");
            env.put("DUBAN_WEBHOOKS_ALLOW_LOOPBACK", "true");
            env.put("DUBAN_SHUTDOWN_DELAY", "3S");
            env.put("DUBAN_SHUTDOWN_TIMEOUT", "20S");
            env.put("DUBAN_JOBS_SHUTDOWN_WAIT", "20S");
            Instance instance = new Instance(name, port, pb.start(), log);
            started.add(instance);
            return instance;
        }

        String baseUrl() {
            return "http://127.0.0.1:" + port;
        }

        /** The prefix of this process's "pid@host" in job_run.instance and webhook_delivery.leased_by. */
        String id() {
            return process.pid() + "@";
        }

        int readiness() {
            try {
                return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                return -1; // refused: the HTTP server is gone
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        void awaitReady() throws Exception {
            await(name + " ready (log: " + log + ")", Duration.ofSeconds(150), () -> {
                assertThat(process.isAlive()).as(name + " died while starting; log: " + log).isTrue();
                return readiness() == 200;
            });
        }

        RequestSpecification as(String token) {
            return given().baseUri(baseUrl()).auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
        }
    }

    @BeforeAll
    static void startTwoInstances() throws Exception {
        KeycloakE2E.connect();
        String e2eUrl = System.getenv("DUBAN_E2E_DB_URL");
        assertThat(e2eUrl).as("DUBAN_E2E_DB_URL (set by deploy/local/e2e.sh)").isNotBlank();
        assertThat(APP.resolve("quarkus-run.jar")).as("the packaged service (mvn package)").exists();
        int slash = e2eUrl.indexOf('/', "jdbc:mysql://".length());
        int query = e2eUrl.indexOf('?', slash);
        schema = e2eUrl.substring(slash + 1, query < 0 ? e2eUrl.length() : query) + "_jobs";
        dbUrl = e2eUrl.substring(0, slash + 1) + schema + (query < 0 ? "?createDatabaseIfNotExist=true" : e2eUrl.substring(query));
        dbUser = System.getenv("DUBAN_E2E_DB_USER");
        dbPassword = System.getenv().getOrDefault("DUBAN_E2E_DB_PASSWORD", "");
        receiver = new Receiver();
        a = Instance.start("jobs-a");
        b = Instance.start("jobs-b");
        a.awaitReady();
        b.awaitReady();
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (Instance i : started) {
            i.process().destroyForcibly();
            i.process().waitFor(20, TimeUnit.SECONDS);
        }
        if (receiver != null) {
            receiver.close();
        }
        if (schema != null) {
            try (Connection cn = db(); Statement s = cn.createStatement()) {
                s.execute("drop database if exists " + schema);
            }
        }
    }

    // ---- 1. once per period across the cluster -------------------------------------------------------------------

    @Test
    @Order(1)
    void eachPeriodsJobRunsOnceAcrossTheTwoInstances() throws Exception {
        await("four purge periods", Duration.ofSeconds(40), () -> count("select count(*) from job_run where job = ? and outcome = 'SUCCEEDED'", PURGE) >= 4);
        // By the time each run was scheduled for, not when it started: on a busy machine a run fired late (Quartz fires
        // one up to a minute late) starts in the next period's seconds, beside that period's own run.
        List<Map<String, Object>> runs = rows("select instance, scheduled_for, started_at, outcome from job_run where job = ? order by id", PURGE);
        Map<Object, Integer> perPeriod = new HashMap<>();
        for (Map<String, Object> run : runs) {
            assertThat(run.get("scheduled_for")).as("a scheduled run knows its period: " + run).isNotNull();
            perPeriod.merge(run.get("scheduled_for"), 1, Integer::sum);
            assertThat((String) run.get("instance")).as("run by one of the pair").satisfiesAnyOf(
                    i -> assertThat(i).startsWith(a.id()), i -> assertThat(i).startsWith(b.id()));
        }
        assertThat(perPeriod.values()).as("each 3-second period's purge ran once in the cluster: " + runs).containsOnly(1);
        assertThat(runs).extracting(r -> r.get("outcome")).isSubsetOf("SUCCEEDED", "RUNNING");

        assertThat(count("select count(*) from QRTZ_SCHEDULER_STATE where SCHED_NAME = 'duban'")).as("both checked in").isEqualTo(2);
        assertThat(count("select count(*) from QRTZ_JOB_DETAILS where SCHED_NAME = 'duban' and REQUESTS_RECOVERY = '1'"))
                .as("every job asks Quartz to re-fire it when its instance dies in the middle").isEqualTo(5);
    }

    // ---- 2. SIGTERM with a request in flight ---------------------------------------------------------------------

    @Test
    @Order(2)
    void sigtermLetsTheRequestInFlightFinishAfterReadinessWentDown() throws Exception {
        long task = a.as(user("office")).queryParam("q", "N2").queryParam("size", 200).get("/api/v1/tasks").then().statusCode(200)
                .extract().jsonPath().getLong("items.find { it.code == 'N2' }.id");
        long version = a.as(user("office")).get("/api/v1/tasks/{id}", task).then().statusCode(200).extract().jsonPath().getLong("version");
        String token = user("office");
        try (Connection lock = db()) {
            lock.setAutoCommit(false);
            exec(lock, "select id from task where id = " + task + " for update");
            // A write on B that must wait for the row: in flight for as long as this test holds the lock.
            CompletableFuture<HttpResponse<String>> inFlight = HTTP.sendAsync(HttpRequest.newBuilder(
                    URI.create(b.baseUrl() + "/api/v1/tasks/" + task + "/progress")).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"status": "IN_PROGRESS", "progressPercent": 37, "note": "关闭时仍在处理的请求", "version": %d}""".formatted(version)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            await("the request waiting on the row lock", Duration.ofSeconds(20),
                    () -> count("select count(*) from information_schema.innodb_trx where trx_state = 'LOCK WAIT'") >= 1);

            long sigterm = System.nanoTime();
            b.process().destroy(); // SIGTERM
            await("readiness DOWN", Duration.ofSeconds(3), () -> b.readiness() == 503);
            long down = System.nanoTime();
            assertThat(inFlight).as("the request still waits").isNotDone();
            Thread.sleep(3500); // past the shutdown delay: the HTTP server has stopped taking requests, the one in flight goes on
            assertThat(b.readiness()).as("no new requests taken after the delay").isNotEqualTo(200);
            assertThat(inFlight).isNotDone();
            lock.commit();
            HttpResponse<String> answer = inFlight.get(20, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(b.process().waitFor(30, TimeUnit.SECONDS)).as("B exits").isTrue();
            long exited = System.nanoTime();
            System.out.printf("[drill] SIGTERM -> readiness DOWN %d ms, -> exit %d ms, exit code %d%n",
                    (down - sigterm) / 1_000_000, (exited - sigterm) / 1_000_000, b.process().exitValue());
            assertThat(b.process().exitValue()).as("the JVM's status after SIGTERM (128 + 15), log: " + b.log()).isEqualTo(143);
        }
        assertThat(a.as(user("office")).get("/api/v1/tasks/{id}", task).then().statusCode(200).extract().jsonPath().getInt("progressPercent"))
                .as("the write that was in flight is in the database").isEqualTo(37);
    }

    // ---- 3. SIGKILL in the middle of a job and a delivery --------------------------------------------------------

    @Test
    @Order(3)
    void aKilledInstancesJobAndWebhookDeliveryAreTakenOverByTheOther() throws Exception {
        long key = expiredIdempotencyKey();
        try (Connection lock = db()) {
            lock.setAutoCommit(false);
            exec(lock, "select id from idempotency_key where id = " + key + " for update");
            await("A held in the middle of a purge", Duration.ofSeconds(20), () -> count(
                    "select count(*) from job_run where job = ? and outcome = 'RUNNING' and instance like ?", PURGE, a.id() + "%") == 1);

            receiver.hang("/takeover");
            long subscription = a.as(partner("CS")).body("""
                    {"url": "%s", "eventTypes": ["task.progress-changed"]}""".formatted(receiver.url("/takeover")))
                    .post("/api/v1/webhook-subscriptions").then().statusCode(201).extract().jsonPath().getLong("subscription.id");
            long n1 = a.as(user("office")).queryParam("q", "N1").queryParam("size", 200).get("/api/v1/tasks").then().statusCode(200)
                    .extract().jsonPath().getLong("items.find { it.code == 'N1' }.id");
            long version = a.as(user("office")).get("/api/v1/tasks/{id}", n1).then().extract().jsonPath().getLong("version");
            a.as(partner("CS")).body("""
                    {"status": "IN_PROGRESS", "progressPercent": 52, "note": "长沙报送（集群演练）", "version": %d}""".formatted(version))
                    .post("/api/v1/tasks/{id}/progress", n1).then().statusCode(200);
            await("A sending the delivery", Duration.ofSeconds(20), () -> receiver.on("/takeover").size() == 1
                    && count("select count(*) from webhook_delivery where subscription_id = ? and leased_by like ?", subscription, a.id() + "%") == 1);
            String messageId = receiver.on("/takeover").get(0).id();

            c = Instance.start("jobs-c");
            c.awaitReady();
            // (On a slow machine A's request may have timed out meanwhile and been sent again: still A's delivery.)
            assertThat(count("select count(*) from webhook_delivery where subscription_id = ? and status = 'PENDING' and leased_by like ?",
                    subscription, a.id() + "%")).as("A still holds the delivery").isEqualTo(1);
            assertThat(count("select count(*) from job_run where job = ? and outcome = 'RUNNING' and instance like ?", PURGE, a.id() + "%"))
                    .as("A still holds the purge").isEqualTo(1);

            a.process().destroyForcibly(); // SIGKILL: no shutdown hook, no goodbye to the cluster
            assertThat(a.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
            long killed = System.nanoTime();
            int sentByA = receiver.on("/takeover").size();
            lock.commit();
            receiver.release("/takeover");

            await("C re-runs the purge A was killed in", Duration.ofSeconds(60), () -> count(
                    "select count(*) from job_run where job = ? and outcome = 'INTERRUPTED' and instance like ?", PURGE, a.id() + "%") == 1);
            long jobTakenOver = System.nanoTime();
            Map<String, Object> interrupted = rows("select summary, scheduled_for from job_run where job = ? and outcome = 'INTERRUPTED' and instance like ?",
                    PURGE, a.id() + "%").get(0);
            assertThat((String) interrupted.get("summary")).startsWith("运行中断：实例 " + a.id()).contains("由实例 " + c.id());
            // Quartz's recovery fires the cut-off run again with its scheduled time: the redo answers for A's period.
            await("C re-runs the period A was killed in", Duration.ofSeconds(30), () -> count(
                    "select count(*) from job_run where job = ? and instance like ? and scheduled_for = ?", PURGE, c.id() + "%",
                    interrupted.get("scheduled_for")) == 1);
            await("C finishes the re-run", Duration.ofSeconds(20), () -> count("select count(*) from idempotency_key where id = ?", key) == 0);

            await("C delivers the event A had claimed", Duration.ofSeconds(60), () -> count(
                    "select count(*) from webhook_delivery where subscription_id = ? and status = 'SUCCEEDED' and leased_by like ?",
                    subscription, c.id() + "%") == 1);
            long deliveryTakenOver = System.nanoTime();
            List<Receiver.Received> got = receiver.on("/takeover");
            assertThat(got).extracting(Receiver.Received::id).as("the same message again, so the partner can tell it is a repeat")
                    .containsOnly(messageId);
            assertThat(got.size()).as("sent again after A died").isGreaterThan(sentByA);
            System.out.printf("[drill] SIGKILL -> purge re-run by C %d ms, -> delivery by C %d ms%n",
                    (jobTakenOver - killed) / 1_000_000, (deliveryTakenOver - killed) / 1_000_000);

            // And C runs the next periods on its own.
            long before = count("select count(*) from job_run where job = ? and instance like ? and outcome = 'SUCCEEDED'", PURGE, c.id() + "%");
            await("two more periods on C", Duration.ofSeconds(20), () -> count(
                    "select count(*) from job_run where job = ? and instance like ? and outcome = 'SUCCEEDED'", PURGE, c.id() + "%") >= before + 2);
        }
    }

    // ---- 4. SIGTERM while a job runs ----------------------------------------------------------------------------

    @Test
    @Order(4)
    void sigtermWaitsForTheRunningJobToFinish() throws Exception {
        assertThat(c).as("the instance of the takeover").isNotNull();
        long key = expiredIdempotencyKey();
        long run;
        try (Connection lock = db()) {
            lock.setAutoCommit(false);
            exec(lock, "select id from idempotency_key where id = " + key + " for update");
            await("C held in the middle of a purge", Duration.ofSeconds(20), () -> count(
                    "select count(*) from job_run where job = ? and outcome = 'RUNNING' and instance like ?", PURGE, c.id() + "%") == 1);
            run = count("select id from job_run where job = ? and outcome = 'RUNNING' and instance like ?", PURGE, c.id() + "%");
            c.process().destroy(); // SIGTERM
            await("readiness DOWN", Duration.ofSeconds(3), () -> c.readiness() == 503);
            Thread.sleep(5000); // past the delay and the (empty) request drain: now the scheduler waits for the job
            assertThat(c.process().isAlive()).as("C waits for its job").isTrue();
            lock.commit();
        }
        assertThat(c.process().waitFor(30, TimeUnit.SECONDS)).as("C exits once the job is done").isTrue();
        assertThat(c.process().exitValue()).as("the JVM's status after SIGTERM (128 + 15), log: " + c.log()).isEqualTo(143);
        Map<String, Object> finished = rows("select outcome, summary from job_run where id = ?", run).get(0);
        assertThat(finished.get("outcome")).as("the job was not cut in half: " + finished).isEqualTo("SUCCEEDED");
        assertThat((String) finished.get("summary")).isEqualTo("清理过期幂等键 1 个");
        assertThat(count("select count(*) from idempotency_key where id = ?", key)).isZero();
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    static Connection db() throws SQLException {
        return DriverManager.getConnection(dbUrl, dbUser, dbPassword);
    }

    static void exec(Connection cn, String sql) throws SQLException {
        try (Statement s = cn.createStatement()) {
            s.execute(sql);
        }
    }

    static long count(String sql, Object... params) {
        try (Connection cn = db(); PreparedStatement s = cn.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Map<String, Object>> rows(String sql, Object... params) throws SQLException {
        try (Connection cn = db(); PreparedStatement s = cn.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<Map<String, Object>> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Map<String, Object> row = new HashMap<>();
                    for (int col = 1; col <= r.getMetaData().getColumnCount(); col++) {
                        row.put(r.getMetaData().getColumnLabel(col), r.getObject(col));
                    }
                    out.add(row);
                }
            }
            return out;
        }
    }

    /** An idempotency key past its retention: the next purge deletes it (and waits while this test locks it). */
    static long expiredIdempotencyKey() throws SQLException {
        try (Connection cn = db(); PreparedStatement s = cn.prepareStatement("""
                insert into idempotency_key (client, idem_key, fingerprint, state, locked_at, created_at, expires_at)
                values ('cluster-drill', ?, repeat('0', 64), 'DONE', utc_timestamp(6) - interval 2 day,
                        utc_timestamp(6) - interval 2 day, utc_timestamp(6) - interval 1 day)""", Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, UUID.randomUUID().toString());
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    static void await(String what, Duration atMost, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + atMost.toSeconds() + " s waiting for: " + what + "\n" + diagnostics());
            }
            Thread.sleep(200);
        }
    }

    /** What the cluster looked like, for a failure message. */
    static String diagnostics() {
        StringBuilder out = new StringBuilder();
        for (String sql : new String[] {
                "select id, job, instance, started_at, finished_at, outcome from job_run order by id desc limit 8",
                "select TRIGGER_NAME, TRIGGER_STATE, NEXT_FIRE_TIME from QRTZ_TRIGGERS",
                "select INSTANCE_NAME, TRIGGER_NAME, STATE, FIRED_TIME from QRTZ_FIRED_TRIGGERS",
                "select INSTANCE_NAME, LAST_CHECKIN_TIME from QRTZ_SCHEDULER_STATE",
                "select id, status, attempts, next_attempt_at, leased_by, last_error from webhook_delivery",
                "select id, type, feed_seq from domain_event order by id desc limit 3"}) {
            try {
                out.append(sql).append(" -> ").append(rows(sql)).append('\n');
            } catch (SQLException e) {
                out.append(sql).append(" -> ").append(e.getMessage()).append('\n');
            }
        }
        out.append("receiver: ").append(receiver == null ? "-" : receiver.received.size()).append(" requests\n");
        for (Instance i : started) {
            out.append(i.name()).append(" pid ").append(i.process().pid()).append(i.process().isAlive() ? " alive" : " exited").append('\n');
        }
        return out.toString();
    }
}
