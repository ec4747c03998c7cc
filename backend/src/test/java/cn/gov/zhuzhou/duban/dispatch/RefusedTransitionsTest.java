package cn.gov.zhuzhou.duban.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import cn.gov.zhuzhou.duban.support.Api;
import cn.gov.zhuzhou.duban.support.Fixtures;
import cn.gov.zhuzhou.duban.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every transition the item state machine refuses, through the API and by the one who may otherwise take the step:
 * a 409 that names the current state, and the item unchanged (same body, same version, same history).
 */
@QuarkusTest
class RefusedTransitionsTest {

    /** The four steps: the endpoint, who takes it, the state it leads to, the text it needs. */
    record Step(String path, boolean byLeadUnit, TicketItemState to, String text) {
    }

    static final List<Step> STEPS = List.of(
            new Step("acknowledgements", true, TicketItemState.ACKNOWLEDGED, null),
            new Step("completions", true, TicketItemState.DONE_REPORTED, "已办结"),
            new Step("verifications", false, TicketItemState.VERIFIED, null),
            new Step("returns", false, TicketItemState.RETURNED, "退回理由"));

    static RequestSpecification actor(Step step) {
        return Api.as(step.byLeadUnit() ? Tokens.liaison("ZZ-EDU") : Tokens.office()).contentType(ContentType.JSON);
    }

    static void take(long item, Step step, int expected) {
        String body = step.text() == null ? "{\"version\": %d}".formatted(Fixtures.version("/api/v1/ticket-items/" + item))
                : "{\"text\": \"%s\", \"version\": %d}".formatted(step.text(), Fixtures.version("/api/v1/ticket-items/" + item));
        actor(step).body(body).post("/api/v1/ticket-items/{id}/" + step.path(), item).then().statusCode(expected);
    }

    static Step step(TicketItemState to) {
        return STEPS.stream().filter(s -> s.to() == to).findFirst().orElseThrow();
    }

    /** A fresh item led by 市教育局, moved to {@code state} by allowed steps only. */
    static long itemIn(TicketItemState state) {
        Map<TicketItemState, List<TicketItemState>> path = Map.of(
                TicketItemState.ISSUED, List.of(),
                TicketItemState.ACKNOWLEDGED, List.of(TicketItemState.ACKNOWLEDGED),
                TicketItemState.DONE_REPORTED, List.of(TicketItemState.ACKNOWLEDGED, TicketItemState.DONE_REPORTED),
                TicketItemState.RETURNED, List.of(TicketItemState.ACKNOWLEDGED, TicketItemState.DONE_REPORTED, TicketItemState.RETURNED),
                TicketItemState.VERIFIED, List.of(TicketItemState.ACKNOWLEDGED, TicketItemState.DONE_REPORTED, TicketItemState.VERIFIED));
        long item = Fixtures.newTicketItem();
        path.get(state).forEach(to -> take(item, step(to), 200));
        return item;
    }

    @Test
    void everyRefusedStepIsA409NamingTheStateAndChangesNothing() {
        List<String> refused = new ArrayList<>();
        for (TicketItemState state : TicketItemState.values()) {
            long item = itemIn(state);
            for (Step step : STEPS) {
                if (state.canMoveTo(step.to())) {
                    continue;
                }
                String before = Api.given().get("/api/v1/ticket-items/{id}", item).then().extract().asString();
                String history = Api.given().get("/api/v1/ticket-items/{id}/history", item).then().extract().asString();
                String body = step.text() == null ? "{\"version\": %d}".formatted(Fixtures.version("/api/v1/ticket-items/" + item))
                        : "{\"text\": \"%s\", \"version\": %d}".formatted(step.text(), Fixtures.version("/api/v1/ticket-items/" + item));
                actor(step).body(body).post("/api/v1/ticket-items/{id}/" + step.path(), item).then().statusCode(409)
                        .contentType("application/problem+json").body("type", endsWith("/illegal-transition"))
                        .body("detail", containsString(state.name()));
                assertThat(Api.given().get("/api/v1/ticket-items/{id}", item).then().extract().asString()).as(state + " " + step.path())
                        .isEqualTo(before);
                assertThat(Api.given().get("/api/v1/ticket-items/{id}/history", item).then().extract().asString())
                        .as(state + " " + step.path()).isEqualTo(history);
                refused.add(state + " -/-> " + step.to());
            }
        }
        // 5 states x 4 steps, less the 6 the machine allows.
        assertThat(refused).hasSize(14);
    }

    /**
     * A reason to return an item is kept in 1 000 characters (a done report in 5 000): a longer one is a 400 naming the
     * text, and the item stays reported (it was a 500 "data too long" from the database: the probe of session 23).
     */
    @Test
    void aReasonToReturnLongerThanItsPlaceIsRefusedAndTheItemStaysReported() {
        long item = itemIn(TicketItemState.DONE_REPORTED);
        String before = Api.given().get("/api/v1/ticket-items/{id}", item).then().extract().asString();
        actor(step(TicketItemState.RETURNED)).body("{\"text\": \"%s\", \"version\": %d}".formatted("退".repeat(1001),
                        Fixtures.version("/api/v1/ticket-items/" + item)))
                .post("/api/v1/ticket-items/{id}/returns", item).then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("text"))
                .body("violations[0].message", containsString("1000"));
        assertThat(Api.given().get("/api/v1/ticket-items/{id}", item).then().extract().asString()).isEqualTo(before);
        actor(step(TicketItemState.RETURNED)).body("{\"text\": \"%s\", \"version\": %d}".formatted("退".repeat(1000),
                        Fixtures.version("/api/v1/ticket-items/" + item)))
                .post("/api/v1/ticket-items/{id}/returns", item).then().statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("RETURNED"));
    }
}
