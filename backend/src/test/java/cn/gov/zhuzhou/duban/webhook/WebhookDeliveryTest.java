package cn.gov.zhuzhou.duban.webhook;

import static cn.gov.zhuzhou.duban.support.Api.as;
import static cn.gov.zhuzhou.duban.support.Api.asJson;
import static cn.gov.zhuzhou.duban.support.Api.taskId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.zhuzhou.duban.support.Api;
import cn.gov.zhuzhou.duban.support.Fixtures;
import cn.gov.zhuzhou.duban.support.TestClock;
import cn.gov.zhuzhou.duban.support.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks end to end: a partner registers a receiver (a real HTTP server on 127.0.0.1, allowed by the test
 * profile), a change is made, the dispatcher sends it signed, and the receiver checks it as a partner would.
 */
@QuarkusTest
class WebhookDeliveryTest {

    static final String CS = Tokens.partner("CS");
    static final String XT = Tokens.partner("XT");

    @Inject
    WebhookDispatcher dispatcher;
    @Inject
    WebhookStore store;
    @Inject
    TestClock clock;
    @Inject
    cn.gov.zhuzhou.duban.events.EventFeed feed;

    Receiver receiver;
    final List<Long> subscriptions = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        receiver = new Receiver();
    }

    @AfterEach
    void stop() {
        subscriptions.forEach(id -> as(Tokens.admin()).delete("/api/v1/webhook-subscriptions/{id}", id));
        receiver.close();
        clock.reset();
    }

    JsonPath subscribe(String token, String path) {
        JsonPath created = asJson(token).body("""
                {"url": "%s", "eventTypes": ["task.progress-changed"]}""".formatted(receiver.url(path)))
                .post("/api/v1/webhook-subscriptions").then().statusCode(201).extract().jsonPath();
        subscriptions.add(created.getLong("subscription.id"));
        return created;
    }

    /** The partner of Changsha reports progress on N1, which Changsha leads for the three cities. */
    static void changshaReportsProgress(int percent) {
        long n1 = taskId("N1");
        asJson(CS).body("""
                {"status": "IN_PROGRESS", "progressPercent": %d, "note": "长沙报送", "version": %d}"""
                .formatted(percent, Fixtures.version("/api/v1/tasks/" + n1))).post("/api/v1/tasks/{id}/progress", n1).then().statusCode(200);
    }

    void dispatch() throws Exception {
        dispatcher.dispatchDue().get(30, TimeUnit.SECONDS);
    }

    /** An independent check of a Standard Webhooks signature, written from the specification, not from our signer. */
    static boolean verifies(String secret, Receiver.Received r) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        byte[] expected = mac.doFinal((r.id() + "." + r.timestamp() + "." + r.body()).getBytes(StandardCharsets.UTF_8));
        for (String entry : r.signature().split(" ")) {
            if (entry.startsWith("v1,") && MessageDigest.isEqual(Base64.getDecoder().decode(entry.substring(3)), expected)) {
                return true;
            }
        }
        return false;
    }

    void freezeClock() {
        clock.set(LocalDateTime.now(clock.getZone()).truncatedTo(ChronoUnit.SECONDS));
    }

    void advanceClock(Duration by) {
        clock.set(LocalDateTime.ofInstant(clock.instant().plus(by), clock.getZone()));
    }

    @Test
    void aChangeArrivesSignedAndAPartnerVerifiesIt() throws Exception {
        JsonPath created = subscribe(CS, "/hooks");
        String secret = created.getString("secret");
        assertThat(secret).startsWith("whsec_");
        changshaReportsProgress(41);
        long zhuzhouOnly = Api.aTask("不共享的任务");
        Api.asJson(Tokens.office()).body("""
                {"status": "IN_PROGRESS", "progressPercent": 5, "note": "本市任务", "version": %d}""".formatted(Fixtures.version("/api/v1/tasks/" + zhuzhouOnly)))
                .post("/api/v1/tasks/{id}/progress", zhuzhouOnly).then().statusCode(200);
        dispatch();

        List<Receiver.Received> got = receiver.on("/hooks");
        assertThat(got).hasSize(1); // the Zhuzhou-only task's change is not the partner's to know
        Receiver.Received r = got.get(0);
        JsonPath event = new JsonPath(r.body());
        assertThat(event.getString("type")).isEqualTo("task.progress-changed");
        assertThat(event.getString("resource.id")).isEqualTo(String.valueOf(taskId("N1")));
        assertThat(event.getInt("data.progressPercent")).isEqualTo(41);
        assertThat(r.id()).isEqualTo(event.getString("id"));
        assertThat(verifies(secret, r)).isTrue();
        assertThat(verifies(WebhookSignature.newSecret(), r)).isFalse();

        long subscription = created.getLong("subscription.id");
        as(CS).get("/api/v1/webhook-subscriptions/{id}/deliveries", subscription).then().statusCode(200)
                .body("items[0].status", equalTo("SUCCEEDED")).body("items[0].eventId", equalTo(r.id()))
                .body("items[0].attempts.size()", equalTo(1)).body("items[0].attempts[0].statusCode", equalTo(204));
        as(CS).get("/api/v1/webhook-subscriptions/{id}", subscription).then().statusCode(200).body("$", org.hamcrest.Matchers.not(
                org.hamcrest.Matchers.hasKey("secret")));
    }

    @Test
    void thePartnerGuidesNodeExampleVerifiesARealDelivery() throws Exception {
        Assumptions.assumeTrue(new ProcessBuilder("node", "--version").start().waitFor() == 0, "node is installed");
        String secret = subscribe(CS, "/node").getString("secret");
        changshaReportsProgress(42);
        dispatch();
        Receiver.Received r = receiver.on("/node").get(0);
        Path body = Files.createTempFile("webhook", ".json");
        Files.writeString(body, r.body());
        Path script = Path.of("..", "deploy", "partner-example", "verify-webhook.mjs");
        Process ok = new ProcessBuilder("node", script.toString(), "--secret", secret, "--id", r.id(), "--timestamp", r.timestamp(), "--signature",
                r.signature(), "--body-file", body.toString()).redirectErrorStream(true).start();
        assertThat(new String(ok.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).startsWith("verified task.progress-changed task/");
        assertThat(ok.waitFor()).isZero();
        Files.writeString(body, r.body().replace("42", "43"));
        Process tampered = new ProcessBuilder("node", script.toString(), "--secret", secret, "--id", r.id(), "--timestamp", r.timestamp(), "--signature",
                r.signature(), "--body-file", body.toString()).start();
        assertThat(tampered.waitFor()).isEqualTo(1);
    }

    @Test
    void failedAttemptsAreRetriedOnTheScheduleWithTheSameWebhookId() throws Exception {
        freezeClock();
        long subscription = subscribe(CS, "/flaky").getLong("subscription.id");
        receiver.answer("/flaky", 503, 500);
        changshaReportsProgress(44);
        dispatch(); // attempt 1, at once: 503
        dispatch(); // not due yet
        assertThat(receiver.on("/flaky")).hasSize(1);
        advanceClock(Duration.ofSeconds(4));
        dispatch();
        assertThat(receiver.on("/flaky")).hasSize(1);
        advanceClock(Duration.ofSeconds(1)); // 5 s after the first
        dispatch(); // attempt 2: 500
        assertThat(receiver.on("/flaky")).hasSize(2);
        advanceClock(Duration.ofMinutes(4));
        dispatch();
        assertThat(receiver.on("/flaky")).hasSize(2);
        advanceClock(Duration.ofMinutes(1)); // 5 min after the second
        dispatch(); // attempt 3: 204
        List<Receiver.Received> got = receiver.on("/flaky");
        assertThat(got).hasSize(3);
        assertThat(got).extracting(Receiver.Received::id).containsOnly(got.get(0).id());
        assertThat(got).extracting(Receiver.Received::body).containsOnly(got.get(0).body());

        JsonPath deliveries = as(CS).get("/api/v1/webhook-subscriptions/{id}/deliveries", subscription).then().statusCode(200).extract().jsonPath();
        assertThat(deliveries.getString("items[0].status")).isEqualTo("SUCCEEDED");
        assertThat(deliveries.getList("items[0].attempts.statusCode")).containsExactly(503, 500, 204);
        assertThat(deliveries.getString("items[0].attempts[0].error")).isEqualTo("接收方返回 HTTP 503").doesNotContain("never stored");
    }

    @Test
    void aDeliveryGivesUpAfterTheLastStepOfTheSchedule() throws Exception {
        freezeClock();
        long subscription = subscribe(CS, "/down").getLong("subscription.id");
        receiver.answer("/down", 500, 500, 500, 500, 500, 500, 500, 500);
        changshaReportsProgress(45);
        dispatch();
        for (Duration step : List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5),
                Duration.ofHours(10), Duration.ofHours(10))) {
            advanceClock(step);
            dispatch();
        }
        assertThat(receiver.on("/down")).hasSize(8);
        advanceClock(Duration.ofDays(1));
        dispatch();
        assertThat(receiver.on("/down")).hasSize(8);
        as(CS).get("/api/v1/webhook-subscriptions/{id}/deliveries", subscription).then().statusCode(200)
                .body("items[0].status", equalTo("FAILED")).body("items[0].attempts.size()", equalTo(8));
    }

    @Test
    void goneDisablesTheSubscription() throws Exception {
        long subscription = subscribe(CS, "/gone").getLong("subscription.id");
        receiver.answer("/gone", 410);
        changshaReportsProgress(46);
        dispatch();
        as(CS).get("/api/v1/webhook-subscriptions/{id}", subscription).then().statusCode(200).body("status", equalTo("DISABLED"));
        changshaReportsProgress(47);
        dispatch();
        assertThat(receiver.on("/gone")).hasSize(1);
    }

    @Test
    void tooManyRequestsIsRetriedAfterTheReceiversRetryAfter() throws Exception {
        freezeClock();
        subscribe(CS, "/busy");
        receiver.answerTooManyRequests("/busy", 120);
        changshaReportsProgress(48);
        dispatch();
        advanceClock(Duration.ofSeconds(119)); // the schedule alone would have retried after 5 s
        dispatch();
        assertThat(receiver.on("/busy")).hasSize(1);
        advanceClock(Duration.ofSeconds(1));
        dispatch();
        assertThat(receiver.on("/busy")).hasSize(2);
    }

    @Test
    void aHangingReceiverDoesNotHoldUpAnother() throws Exception {
        subscribe(CS, "/hang");
        subscribe(CS, "/quick");
        receiver.hang("/hang");
        changshaReportsProgress(49);
        long started = System.nanoTime();
        CompletableFuture<Void> pass = dispatcher.dispatchDue();
        long deadline = started + TimeUnit.SECONDS.toNanos(20);
        // Both requests leave at once on their own threads; either may reach the receiver first.
        while ((receiver.on("/quick").isEmpty() || receiver.on("/hang").isEmpty()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(receiver.on("/quick")).hasSize(1);
        assertThat(receiver.on("/hang")).as("the other request is still waiting on its receiver").hasSize(1);
        // The quick one came while the hanging one was still in flight, well before its 5 s request timeout ran out.
        assertThat(receiver.on("/quick").get(0).atNanos() - started).isLessThan(TimeUnit.SECONDS.toNanos(4));
        receiver.release("/hang");
        pass.get(30, TimeUnit.SECONDS);
    }

    @Test
    void aPartnerAsksForARedeliveryWhichKeepsTheWebhookId() throws Exception {
        long subscription = subscribe(CS, "/again").getLong("subscription.id");
        changshaReportsProgress(50);
        dispatch();
        long delivery = as(CS).get("/api/v1/webhook-subscriptions/{id}/deliveries", subscription).then().extract().jsonPath().getLong("items[0].id");

        asJson(XT).post("/api/v1/webhook-deliveries/{id}/redeliveries", delivery).then().statusCode(404).contentType("application/problem+json");
        asJson(CS).post("/api/v1/webhook-deliveries/{id}/redeliveries", delivery).then().statusCode(202).body("status", equalTo("PENDING"));
        asJson(CS).post("/api/v1/webhook-deliveries/{id}/redeliveries", delivery).then().statusCode(409).contentType("application/problem+json");
        dispatch();
        List<Receiver.Received> got = receiver.on("/again");
        assertThat(got).hasSize(2);
        assertThat(got.get(1).id()).isEqualTo(got.get(0).id());
        as(CS).get("/api/v1/webhook-subscriptions/{id}/deliveries", subscription).then().body("items[0].attempts.size()", equalTo(2))
                .body("items[0].status", equalTo("SUCCEEDED"));
    }

    @Test
    void anInstanceThatDiesAfterClaimingLeavesTheDeliveryToBeSentAgainNotLost() throws Exception {
        freezeClock();
        subscribe(CS, "/crash");
        changshaReportsProgress(51);
        dispatch(); // the first change goes out normally
        receiver.received.clear();
        // A fresh change, claimed by an instance that dies before sending or recording anything.
        changshaReportsProgress(52);
        Instant now = clock.instant();
        feed.sequenceCommittedEvents();
        List<WebhookStore.Claim> claimed = QuarkusTransaction.requiringNew().call(() -> store.claimDue(now, now.plusSeconds(60), 10));
        assertThat(claimed).isNotEmpty();
        dispatch();
        assertThat(receiver.on("/crash")).as("held by the dead instance's lease").isEmpty();
        advanceClock(Duration.ofSeconds(61));
        dispatch();
        assertThat(receiver.on("/crash")).hasSize(1);
        assertThat(new JsonPath(receiver.on("/crash").get(0).body()).getInt("data.progressPercent")).isEqualTo(52);
    }

    @Test
    void duringARotationBothSecretsSign() throws Exception {
        JsonPath created = subscribe(CS, "/rotate");
        String old = created.getString("secret");
        long id = created.getLong("subscription.id");
        JsonPath rotated = asJson(CS).post("/api/v1/webhook-subscriptions/{id}/secret-rotations", id).then().statusCode(200).extract().jsonPath();
        String fresh = rotated.getString("secret");
        assertThat(fresh).isNotEqualTo(old);
        assertThat(rotated.getString("subscription.previousSecretValidUntil")).isNotNull();
        changshaReportsProgress(53);
        dispatch();
        Receiver.Received r = receiver.on("/rotate").get(0);
        assertThat(r.signature().split(" ")).hasSize(2);
        assertThat(verifies(old, r)).isTrue();
        assertThat(verifies(fresh, r)).isTrue();
    }

    @Test
    void aPartnerManagesItsOwnWebhooksOnlyAndTheAdminAnyPartners() {
        long mine = subscribe(CS, "/mine").getLong("subscription.id");
        as(XT).get("/api/v1/webhook-subscriptions/{id}", mine).then().statusCode(404).contentType("application/problem+json");
        as(XT).delete("/api/v1/webhook-subscriptions/{id}", mine).then().statusCode(404);
        as(XT).get("/api/v1/webhook-subscriptions").then().statusCode(200).body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem((int) mine)));
        as(CS).get("/api/v1/webhook-subscriptions").then().statusCode(200).body("items.id", org.hamcrest.Matchers.hasItem((int) mine));
        as(Tokens.admin()).get("/api/v1/webhook-subscriptions").then().statusCode(200).body("items.id", org.hamcrest.Matchers.hasItem((int) mine));
        asJson(CS).body("""
                {"url": "%s", "eventTypes": ["task.progress-changed"], "clientId": "service-account-duban-partner-xt"}""".formatted(receiver.url("/x")))
                .post("/api/v1/webhook-subscriptions").then().statusCode(403).contentType("application/problem+json");

        asJson(Tokens.admin()).body("""
                {"url": "%s", "eventTypes": ["task.progress-changed"]}""".formatted(receiver.url("/admin")))
                .post("/api/v1/webhook-subscriptions").then().statusCode(400).body("violations[0].field", equalTo("clientId"));
        long forXt = asJson(Tokens.admin()).body("""
                {"url": "%s", "eventTypes": ["task.progress-changed"], "clientId": "service-account-duban-partner-xt", "cityCode": "XT"}"""
                .formatted(receiver.url("/admin"))).post("/api/v1/webhook-subscriptions").then().statusCode(201).extract().jsonPath().getLong("subscription.id");
        subscriptions.add(forXt);
        as(XT).get("/api/v1/webhook-subscriptions/{id}", forXt).then().statusCode(200).body("clientId", equalTo("service-account-duban-partner-xt"));
        as(CS).delete("/api/v1/webhook-subscriptions/{id}", mine).then().statusCode(204);
        as(CS).get("/api/v1/webhook-subscriptions/{id}", mine).then().statusCode(200).body("status", equalTo("DISABLED"));
        as(Tokens.office()).get("/api/v1/webhook-subscriptions").then().statusCode(403);
    }

    @Test
    void internalAddressesAndUnknownEventTypesAreRefusedNamingTheField() {
        int before = as(CS).get("/api/v1/webhook-subscriptions").then().extract().jsonPath().getList("items").size();
        for (String url : List.of("http://10.0.0.5/hook", "http://169.254.169.254/latest/meta-data", "http://127.1/hook", "http://2130706433/hook",
                "http://0x7f000001/hook", "http://[::ffff:10.0.0.1]/hook", "ftp://127.0.0.1/hook")) {
            asJson(CS).body("""
                    {"url": "%s", "eventTypes": ["task.progress-changed"]}""".formatted(url)).post("/api/v1/webhook-subscriptions").then()
                    .statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("url"));
        }
        asJson(CS).body("""
                {"url": "%s", "eventTypes": ["task.deleted"]}""".formatted(receiver.url("/x"))).post("/api/v1/webhook-subscriptions").then()
                .statusCode(400).body("violations[0].field", equalTo("eventTypes[0]"));
        assertThat(as(CS).get("/api/v1/webhook-subscriptions").then().extract().jsonPath().getList("items")).hasSize(before);
    }
}
