package cn.gov.zhuzhou.duban.common;

import static cn.gov.zhuzhou.duban.support.Api.given;
import static cn.gov.zhuzhou.duban.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.zhuzhou.duban.support.Api;
import cn.gov.zhuzhou.duban.support.Fixtures;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Histories, progress and standings grow without bound: they answer in the one paging envelope and honour size. */
@QuarkusTest
class HistoryPagingTest {

    static JsonPath page(String path, int page, int size, Object... params) {
        return given().queryParam("page", page).queryParam("size", size).get(path, params).then().statusCode(200).extract().jsonPath();
    }

    static void assertPage(JsonPath p, int page, int size, long total, int itemsOnPage) {
        assertThat(p.getList("items")).hasSize(itemsOnPage);
        assertThat(p.getInt("page")).isEqualTo(page);
        assertThat(p.getInt("size")).isEqualTo(size);
        assertThat(p.getLong("totalItems")).isEqualTo(total);
        assertThat(p.getInt("totalPages")).isEqualTo((int) ((total + size - 1) / size));
    }

    @Test
    void aTasksProgressHonoursSize() {
        long task = Api.aTask(Api.unique("分页进展"));
        for (int percent : List.of(10, 20, 30)) {
            json().body("{\"status\": \"IN_PROGRESS\", \"progressPercent\": %d, \"version\": %d}"
                    .formatted(percent, Fixtures.version("/api/v1/tasks/" + task))).post("/api/v1/tasks/{id}/progress", task)
                    .then().statusCode(200);
        }
        JsonPath first = page("/api/v1/tasks/{id}/progress", 1, 2, task);
        assertPage(first, 1, 2, 3, 2);
        assertThat(first.getList("items.progressPercent", Integer.class)).containsExactly(30, 20);
        assertThat(page("/api/v1/tasks/{id}/progress", 2, 2, task).getList("items.progressPercent", Integer.class)).containsExactly(10);
        assertPage(page("/api/v1/tasks/{id}/progress", 9, 2, task), 9, 2, 3, 0);
    }

    @Test
    void anItemsHistoryIsPaged() {
        long item = Fixtures.doneTicketItem();
        JsonPath first = page("/api/v1/ticket-items/{id}/history", 1, 2, item);
        assertPage(first, 1, 2, 3, 2);
        assertThat(first.getList("items.to")).containsExactly("ISSUED", "ACKNOWLEDGED");
        assertThat(page("/api/v1/ticket-items/{id}/history", 2, 2, item).getList("items.to")).containsExactly("DONE_REPORTED");
    }

    @Test
    void reportProblemAndCaseHistoriesAndRevisionsArePaged() {
        long report = Fixtures.submittedReport();
        assertPage(page("/api/v1/reports/{id}/history", 1, 1, report), 1, 1, 2, 1);
        assertPage(page("/api/v1/reports/{id}/revisions", 1, 1, report), 1, 1, 1, 1);
        long problem = Fixtures.classifiedProblem();
        assertPage(page("/api/v1/problems/{id}/history", 1, 1, problem), 1, 1, 2, 1);
        long supervisionCase = Fixtures.newCase();
        assertPage(page("/api/v1/supervision-cases/{id}/history", 1, 5, supervisionCase), 1, 5, 1, 1);
    }

    @Test
    void aMonthsStandingsArePaged() {
        long total = page("/api/v1/reporting-months/{m}/units", 1, 200, "2026-10").getLong("totalItems");
        assertThat(total).isGreaterThan(5);
        JsonPath first = page("/api/v1/reporting-months/{m}/units", 1, 5, "2026-10");
        assertPage(first, 1, 5, total, 5);
        JsonPath second = page("/api/v1/reporting-months/{m}/units", 2, 5, "2026-10");
        assertThat(second.getList("items.unit.code", String.class)).doesNotContainAnyElementsOf(first.getList("items.unit.code", String.class));
    }
}
