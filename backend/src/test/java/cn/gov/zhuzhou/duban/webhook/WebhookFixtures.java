package cn.gov.zhuzhou.duban.webhook;

import static cn.gov.zhuzhou.duban.support.Api.as;
import static cn.gov.zhuzhou.duban.support.Api.asJson;

import cn.gov.zhuzhou.duban.support.Api;
import cn.gov.zhuzhou.duban.support.Fixtures;
import cn.gov.zhuzhou.duban.support.Tokens;
import io.quarkus.arc.Arc;
import java.util.concurrent.TimeUnit;

/** Webhooks for tests elsewhere (the role matrix): Changsha's, pointing at a receiver on 127.0.0.1 that accepts everything. */
public final class WebhookFixtures {

    private static Receiver receiver;

    private WebhookFixtures() {
    }

    /** The URL of a receiver that answers 204 to everything (started once per run). */
    public static synchronized String acceptingUrl() {
        if (receiver == null) {
            try {
                receiver = new Receiver();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return receiver.url("/accepting");
    }

    /** A webhook of the partner client of Changsha; returns its id. */
    public static long changshaSubscription() {
        return asJson(Tokens.partner("CS")).body("""
                {"url": "%s", "eventTypes": ["task.progress-changed"]}""".formatted(acceptingUrl()))
                .post("/api/v1/webhook-subscriptions").then().statusCode(201).extract().jsonPath().getLong("subscription.id");
    }

    /** A delivery to Changsha's webhook that has been sent and accepted; returns its id. */
    public static long succeededDelivery() {
        long subscription = changshaSubscription();
        long n1 = Api.taskId("N1");
        asJson(Tokens.partner("CS")).body("""
                {"status": "IN_PROGRESS", "progressPercent": 40, "note": "矩阵推送", "version": %d}"""
                .formatted(Fixtures.version("/api/v1/tasks/" + n1))).post("/api/v1/tasks/{id}/progress", n1).then().statusCode(200);
        try {
            Arc.container().instance(WebhookDispatcher.class).get().dispatchDue().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return as(Tokens.partner("CS")).get("/api/v1/webhook-subscriptions/{id}/deliveries", subscription).then().statusCode(200)
                .extract().jsonPath().getLong("items[0].id");
    }
}
