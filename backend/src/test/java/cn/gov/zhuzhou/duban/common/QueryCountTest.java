package cn.gov.zhuzhou.duban.common;

import static cn.gov.zhuzhou.duban.support.Api.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.zhuzhou.duban.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/** Every list costs a bounded number of SQL statements, whatever the page size (no N+1). */
@QuarkusTest
class QueryCountTest {

    @Inject
    SessionFactory sessionFactory;

    long statementsFor(String path, Object... params) {
        Statistics stats = sessionFactory.getStatistics();
        stats.clear();
        given().get(path, params).then().statusCode(200);
        return stats.getPrepareStatementCount();
    }

    @Test
    void taskListCostsTheSameForFiveOrTwoHundredRows() {
        long small = statementsFor("/api/v1/tasks?size=5");
        long large = statementsFor("/api/v1/tasks?size=200");
        assertThat(large).isEqualTo(small).isLessThanOrEqualTo(6);
        long plan = Api.planId();
        assertThat(statementsFor("/api/v1/tasks?planId={p}&sort=-updatedAt&q={q}&size=200", plan, "市"))
                .isEqualTo(statementsFor("/api/v1/tasks?planId={p}&sort=-updatedAt&q={q}&size=2", plan, "市")).isEqualTo(small);
    }

    @Test
    void oneTaskCostsTheSameWhateverItsSubTasksUnitsAndLeads() {
        long leaf = Api.aTask("语句计数叶子");
        long parent = Api.aTask("语句计数上级");
        for (int i = 0; i < 4; i++) {
            Api.aTaskUnder(Api.aTaskUnder(parent, "语句计数下级"), "语句计数下下级");
        }
        long withLeadAndUnits = Api.taskId("N6");
        long small = statementsFor("/api/v1/tasks/{id}", leaf);
        assertThat(statementsFor("/api/v1/tasks/{id}", parent)).isEqualTo(small);
        assertThat(statementsFor("/api/v1/tasks/{id}", withLeadAndUnits)).isEqualTo(small).isLessThanOrEqualTo(5);
    }

    @Test
    void aMonthsStandingsCostThreeStatementsWhateverThePageOrTheNumberOfUnits() {
        // the reports of the month, the reporting units, every unit's reference: never a list of hundreds of unit ids
        long page = statementsFor("/api/v1/reporting-months/2026-11/units?size=200");
        assertThat(page).isLessThanOrEqualTo(3);
        assertThat(statementsFor("/api/v1/reporting-months/2026-11/units?size=2")).isEqualTo(page);
        assertThat(statementsFor("/api/v1/reporting-months/2026-10/units?standing=MISSING&size=200")).isEqualTo(page);
    }

    @Test
    void aPlanTreeCostsTheSameForOneTaskOrForty() {
        long plan = Api.json().body("""
                {"code": "%s", "title": "语句计数方案", "periodStart": "2026-01-01", "periodEnd": "2026-12-31"}"""
                .formatted(Api.unique("COUNT-"))).post("/api/v1/plans").then().statusCode(201).extract().jsonPath().getLong("id");
        Long first = taskIn(plan, null);
        long small = statementsFor("/api/v1/plans/{id}/tree", plan);
        for (int i = 0; i < 13; i++) {
            Long top = taskIn(plan, null);
            taskIn(plan, taskIn(plan, top));
        }
        taskIn(plan, first);
        assertThat(given().get("/api/v1/plans/{id}/tree", plan).then().extract().jsonPath().getList("tasks")).hasSize(14);
        assertThat(statementsFor("/api/v1/plans/{id}/tree", plan)).isEqualTo(small).isLessThanOrEqualTo(7);
    }

    /** A task in {@code plan} under {@code parent}, answered for by a unit and led for the three cities by Zhuzhou. */
    static long taskIn(long plan, Long parent) {
        return Api.json().body("""
                {"planId": %d, "parentId": %s, "code": "%s", "kind": "NEAR_TERM", "title": "语句计数任务", "deadline": "2026-12-31",
                 "responsibleUnits": [{"unitId": %d, "role": "MAIN"}], "crossCityLead": {"cityCode": "ZZ", "unitIds": [%d]}}"""
                .formatted(plan, parent, Api.unique("C"), Api.unitId("株洲市交通运输局"), Api.unitId("株洲市交通运输局")))
                .post("/api/v1/tasks").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /**
     * Issue 11, session 10: submitting a monthly report moves the progress of every task it reports on, and the
     * statements that costs do not grow with the number of entries (the tasks are read, and their views built for the
     * progress events, for all entries at once; the bench's submissions cost ~95 statements each before).
     */
    @Test
    void submittingAReportCostsTheSameForOneEntryOrFive() {
        long plan = Api.json().body("""
                {"code": "%s", "title": "语句计数月报方案", "periodStart": "2026-01-01", "periodEnd": "2026-12-31"}"""
                .formatted(Api.unique("COUNT-"))).post("/api/v1/plans").then().statusCode(201).extract().jsonPath().getLong("id");
        java.util.List<Long> tasks = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tasks.add(taskIn(plan, null));
        }
        long[] one = submissionStatements(tasks.subList(0, 1));
        long[] five = submissionStatements(tasks);
        // the reads are the same; what grows is the writes of each entry: the task's row, its history row, its event's
        // row and the event's readers (one statement for all the units it concerns)
        assertThat(five[1]).as("queries").isEqualTo(one[1]);
        assertThat(five[0] - one[0]).as("statements more for four entries more").isEqualTo(4 * 4);
        // and each of the five tasks moved: the report's progress is theirs now, with a history row each
        for (long task : tasks) {
            assertThat(given().get("/api/v1/tasks/{id}", task).then().statusCode(200).extract().jsonPath().getInt("progressPercent"))
                    .isEqualTo(30);
        }
    }

    /** Statements and queries of submitting a fresh report of 市交通运输局 with one entry per task (30 %). */
    long[] submissionStatements(java.util.List<Long> taskIds) {
        String liaison = cn.gov.zhuzhou.duban.support.Tokens.liaison("ZZ-TRANS");
        String entries = taskIds.stream().map(t -> """
                {"taskId": %d, "workDone": "语句计数月报", "progressPercent": 30, "track": "ON_TRACK"}""".formatted(t))
                .collect(java.util.stream.Collectors.joining(","));
        long report = Api.asJson(liaison).body("""
                {"month": "%s", "entries": [%s]}""".formatted(cn.gov.zhuzhou.duban.support.Fixtures.freshMonth(), entries))
                .post("/api/v1/reports").then().statusCode(201).extract().jsonPath().getLong("id");
        long version = cn.gov.zhuzhou.duban.support.Fixtures.version("/api/v1/reports/" + report);
        Statistics stats = sessionFactory.getStatistics();
        stats.clear();
        Api.asJson(liaison).body("{\"version\": %d}".formatted(version)).post("/api/v1/reports/{id}/submissions", report)
                .then().statusCode(200);
        return new long[] {stats.getPrepareStatementCount(), stats.getQueryExecutionCount()};
    }

    @Test
    void unitPositionGroupAndPeopleListsAreBounded() {
        assertThat(statementsFor("/api/v1/units?size=200")).isEqualTo(statementsFor("/api/v1/units?size=3")).isLessThanOrEqualTo(3);
        assertThat(statementsFor("/api/v1/positions?size=200")).isEqualTo(statementsFor("/api/v1/positions?size=3"))
                .isLessThanOrEqualTo(4);
        assertThat(statementsFor("/api/v1/groups?size=200")).isEqualTo(statementsFor("/api/v1/groups?size=2")).isLessThanOrEqualTo(3);
        assertThat(statementsFor("/api/v1/people?size=200")).isEqualTo(statementsFor("/api/v1/people?size=2")).isLessThanOrEqualTo(3);
    }

    @Test
    void workflowListsCostTheSameForTwoOrTwoHundredRows() {
        for (int i = 0; i < 3; i++) {
            cn.gov.zhuzhou.duban.support.Fixtures.newCase();
            cn.gov.zhuzhou.duban.support.Fixtures.newReport();
            cn.gov.zhuzhou.duban.publication.PublicationFixtures.draft();
        }
        for (String list : java.util.List.of("/api/v1/reports", "/api/v1/problems", "/api/v1/sessions", "/api/v1/ticket-items",
                "/api/v1/supervision-cases", "/api/v1/publications")) {
            long small = statementsFor(list + "?size=2");
            long large = statementsFor(list + "?size=200");
            assertThat(large).as(list).isEqualTo(small).isLessThanOrEqualTo(12);
        }
    }

    /**
     * The filtered pages the province bench drives (a unit's inbox above all: the items it leads and those it
     * cooperates on, merged in SQL, then the page's rows by id) cost the same for two rows as for two hundred.
     */
    @Test
    void filteredWorkflowListsCostTheSameForTwoOrTwoHundredRows() {
        for (int i = 0; i < 3; i++) {
            cn.gov.zhuzhou.duban.support.Fixtures.newCase();
            cn.gov.zhuzhou.duban.support.Fixtures.newReport();
        }
        long edu = Api.unitId("株洲市教育局");
        for (String list : java.util.List.of("/api/v1/ticket-items?unitId=" + edu, "/api/v1/ticket-items?unitId=" + edu + "&state=ISSUED",
                "/api/v1/ticket-items?unitId=" + edu + "&key=false&overdueOn=2099-01-01", "/api/v1/ticket-items?state=ISSUED",
                "/api/v1/ticket-items?key=false", "/api/v1/ticket-items?overdueOn=2099-01-01", "/api/v1/problems?status=CLASSIFIED",
                "/api/v1/problems?unitId=" + edu, "/api/v1/supervision-cases?unitId=" + edu, "/api/v1/supervision-cases?status=OPEN",
                "/api/v1/reports?unitId=" + edu, "/api/v1/reports?status=DRAFT")) {
            assertThat(given().get(list + "&size=200").then().statusCode(200).extract().jsonPath().getList("items")).as(list)
                    .hasSizeGreaterThan(2);
            long small = statementsFor(list + "&size=2");
            long large = statementsFor(list + "&size=200");
            assertThat(large).as(list).isEqualTo(small).isLessThanOrEqualTo(12);
        }
    }

    /**
     * Issue 11, session 7: an inbox page is its ids, its rows (one constructor expression: item, ticket, lead unit, city),
     * the total, the problems' texts, the cooperating units and the case links; a case page its rows, the total, its
     * items' rows, texts and cooperating units, and its actions. No entity, no statement per row.
     */
    @Test
    void anInboxPageIsSixStatementsAndACasePageSix() {
        for (int i = 0; i < 3; i++) {
            cn.gov.zhuzhou.duban.support.Fixtures.newCase();
        }
        long edu = Api.unitId("株洲市教育局");
        for (String list : java.util.List.of("/api/v1/ticket-items?unitId=" + edu, "/api/v1/ticket-items?key=false",
                "/api/v1/supervision-cases?status=OPEN")) {
            long large = statementsFor(list + "&size=200");
            assertThat(statementsFor(list + "&size=2")).as(list).isEqualTo(large);
            assertThat(large).as(list).isLessThanOrEqualTo(6);
        }
    }

    @Test
    void notificationListCostsTheSameForTwoOrTwoHundredRows() {
        // Three urgings, each a notification to the item's lead unit.
        for (int i = 0; i < 3; i++) {
            long caseId = cn.gov.zhuzhou.duban.support.Fixtures.newCase();
            Api.as(cn.gov.zhuzhou.duban.support.Tokens.supervisor()).contentType(io.restassured.http.ContentType.JSON).body("""
                    {"means": "PHONE", "toWhom": "市教育局局长", "content": "请加快办理", "actedOn": "%s"}""".formatted(cn.gov.zhuzhou.duban.support.Fixtures.today()))
                    .post("/api/v1/supervision-cases/{id}/urgings", caseId).then().statusCode(200);
        }
        assertThat(given().get("/api/v1/notifications?size=200").then().extract().jsonPath().getList("items")).hasSizeGreaterThan(2);
        long small = statementsFor("/api/v1/notifications?size=2");
        long large = statementsFor("/api/v1/notifications?size=200");
        assertThat(large).isEqualTo(small).isLessThanOrEqualTo(3);
    }

    @Test
    void planTreeAndGroupRosterAreAFewStatements() {
        assertThat(statementsFor("/api/v1/plans/{id}/tree", Api.planId())).isLessThanOrEqualTo(7);
        long leadingGroup = given().queryParam("kind", "LEADING_GROUP").get("/api/v1/groups").then().extract().jsonPath()
                .getLong("items[0].id");
        assertThat(statementsFor("/api/v1/groups/{id}", leadingGroup)).isLessThanOrEqualTo(4);
    }

    @Test
    void theDashboardIsAFixedNumberOfStatementsWhateverTheData() {
        cn.gov.zhuzhou.duban.support.Elsewhere.commit(null); // every plan's dashboard is counted afresh, not the kept one
        long before = statementsFor("/api/v1/dashboard");
        for (int i = 0; i < 3; i++) {
            cn.gov.zhuzhou.duban.support.Fixtures.newCase();
            Api.aTask("语句计数");
        }
        long after = statementsFor("/api/v1/dashboard");
        assertThat(after).isEqualTo(before).isLessThanOrEqualTo(12);
        // nothing written since: the kept answer, for the records' version alone
        assertThat(statementsFor("/api/v1/dashboard")).isEqualTo(1);
        assertThat(statementsFor("/api/v1/tasks?light=RED&size=200")).isLessThanOrEqualTo(10);
    }
}
