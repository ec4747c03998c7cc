package cn.gov.zhuzhou.duban.dispatch;

import static cn.gov.zhuzhou.duban.support.Api.office;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.zhuzhou.duban.support.Api;
import cn.gov.zhuzhou.duban.support.Fixtures;
import cn.gov.zhuzhou.duban.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A unit's inbox is what it leads and what it cooperates on, by deadline then id, each filter applied to both, and the
 * total counts what the pages hold (the list reads the two through separate indexes and merges them: see
 * DispatchRepository).
 */
@QuarkusTest
class InboxListTest {

    @Test
    void aUnitsInboxHoldsTheItemsItLeadsAndThoseItCooperatesOnByDeadline() {
        String code = Api.unique("ZZ-INBOX");
        long own = Fixtures.newUnitCoded(code);
        long other = Fixtures.newUnit();
        long third = Fixtures.newUnit();
        LocalDate today = Fixtures.today();
        JsonPath ticket = Api.json().body("""
                {"items": [
                  {"problemId": %d, "leadUnitId": %d, "deadline": "%s", "key": false, "requirement": "牵头，20天"},
                  {"problemId": %d, "leadUnitId": %d, "cooperatingUnitIds": [%d], "deadline": "%s", "key": false, "requirement": "配合，10天"},
                  {"problemId": %d, "leadUnitId": %d, "cooperatingUnitIds": [%d, %d], "deadline": "%s", "key": true, "requirement": "配合，20天"},
                  {"problemId": %d, "leadUnitId": %d, "cooperatingUnitIds": [%d], "deadline": "%s", "key": false, "requirement": "无关，5天"}
                ]}""".formatted(
                        Fixtures.classifiedProblem(), own, today.plusDays(20),
                        Fixtures.classifiedProblem(), other, own, today.plusDays(10),
                        Fixtures.classifiedProblem(), other, third, own, today.plusDays(20),
                        Fixtures.classifiedProblem(), other, third, today.plusDays(5)))
                .post("/api/v1/sessions/{id}/tickets", Fixtures.newSession()).then().statusCode(201).extract().jsonPath();
        long leads = ticket.getLong("items[0].id");
        long cooperatesSoon = ticket.getLong("items[1].id");
        long cooperatesKey = ticket.getLong("items[2].id");

        // deadline first; the two due on the same day by id
        assertThat(inbox(own, "")).containsExactly(cooperatesSoon, leads, cooperatesKey);
        office().queryParam("unitId", own).queryParam("size", 2).get("/api/v1/ticket-items").then().statusCode(200)
                .body("totalItems", equalTo(3)).body("totalPages", equalTo(2)).body("items.id", equalTo(List.of((int) cooperatesSoon, (int) leads)));
        office().queryParam("unitId", own).queryParam("size", 2).queryParam("page", 2).get("/api/v1/ticket-items").then()
                .statusCode(200).body("totalItems", equalTo(3)).body("items.id", equalTo(List.of((int) cooperatesKey)))
                .body("items[0].cooperatingUnitIds", containsInAnyOrder((int) third, (int) own));
        // the liaison's own list is the same inbox
        assertThat(Api.as(Tokens.liaison(code)).queryParam("size", 200).get("/api/v1/ticket-items").then().statusCode(200)
                .extract().jsonPath().getList("items.id", Long.class)).containsExactly(cooperatesSoon, leads, cooperatesKey);

        assertThat(inbox(own, "&key=true")).containsExactly(cooperatesKey);
        assertThat(inbox(own, "&key=false")).containsExactly(cooperatesSoon, leads);
        assertThat(inbox(own, "&overdueOn=" + today.plusDays(15))).containsExactly(cooperatesSoon);
        assertThat(inbox(own, "&overdueOn=" + today.plusDays(10))).isEmpty(); // due that day: not yet overdue
        Api.asJson(Tokens.liaison(code)).body("{\"version\": %d}".formatted(Fixtures.version("/api/v1/ticket-items/" + leads)))
                .post("/api/v1/ticket-items/{id}/acknowledgements", leads).then().statusCode(200);
        assertThat(inbox(own, "&state=ACKNOWLEDGED")).containsExactly(leads);
        assertThat(inbox(own, "&state=ISSUED")).containsExactly(cooperatesSoon, cooperatesKey);
        assertThat(inbox(third, "")).contains(cooperatesKey).doesNotContain(leads, cooperatesSoon);
    }

    /** The item ids of a unit's inbox with extra query parameters, one page of 200; the total must match. */
    private static List<Long> inbox(long unitId, String query) {
        JsonPath page = office().get("/api/v1/ticket-items?size=200&unitId=" + unitId + query).then().statusCode(200).extract().jsonPath();
        List<Long> ids = page.getList("items.id", Long.class);
        assertThat(page.getLong("totalItems")).as("total of " + query).isEqualTo(ids.size());
        return ids;
    }
}
