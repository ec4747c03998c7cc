package cn.gov.zhuzhou.duban.common;

import static cn.gov.zhuzhou.duban.support.Api.given;
import static cn.gov.zhuzhou.duban.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.zhuzhou.duban.common.persistence.ReadOnlyTransaction;
import cn.gov.zhuzhou.duban.plan.Plan;
import cn.gov.zhuzhou.duban.support.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/** Read paths do no write work (issue 11): no flush, no dirty-checking, nothing written; writes still write. */
@QuarkusTest
class ReadOnlyTransactionTest {

    @Inject
    SessionFactory sessionFactory;
    @Inject
    Retitler retitler;

    /** Changes a plan's title on a loaded entity and never saves explicitly: only a flush would write it. */
    @ApplicationScoped
    static class Retitler {

        @Inject
        EntityManager em;

        @ReadOnlyTransaction
        void retitleWhileReading(long planId, String title) {
            Plan plan = em.find(Plan.class, planId);
            plan.describe(title, plan.getIssuer(), plan.getDocumentDate(), plan.getPeriodStart(), plan.getPeriodEnd(), plan.getSummary());
            em.createQuery("select count(t) from Task t where t.plan.id = :p", Long.class).setParameter("p", planId).getSingleResult();
        }
    }

    Statistics statisticsAfter(String path, Object... params) {
        Statistics stats = sessionFactory.getStatistics();
        stats.clear();
        given().get(path, params).then().statusCode(200);
        return stats;
    }

    @Test
    void everyPlanAndTaskReadNeitherFlushesNorUpdates() {
        long task = Api.taskId("N6");
        long plan = Api.planId();
        for (String path : List.of("/api/v1/tasks?size=200", "/api/v1/tasks?planId=" + plan + "&sort=-deadline&status=IN_PROGRESS",
                "/api/v1/tasks?light=RED", "/api/v1/tasks/" + task, "/api/v1/tasks/" + task + "/progress", "/api/v1/plans",
                "/api/v1/plans/" + plan, "/api/v1/plans/" + plan + "/areas", "/api/v1/plans/" + plan + "/tree")) {
            Statistics stats = statisticsAfter(path);
            assertThat(stats.getFlushCount()).as("flushes for GET %s", path).isZero();
            assertThat(stats.getEntityUpdateCount()).as("updates for GET %s", path).isZero();
            assertThat(stats.getPrepareStatementCount()).as("statements for GET %s", path).isPositive();
        }
    }

    @Test
    void supervisionCasesAndAMonthsStandingsNeitherFlushNorUpdate() {
        // before: both ran in a read-write transaction, flushed at commit and dirty-checked every case, item and unit
        for (String path : List.of("/api/v1/supervision-cases?size=100", "/api/v1/supervision-cases?status=OPEN&size=20",
                "/api/v1/reporting-months/2026-11/units?size=200", "/api/v1/reporting-months/2026-10/units?standing=MISSING")) {
            Statistics stats = statisticsAfter(path);
            assertThat(stats.getFlushCount()).as("flushes for GET %s", path).isZero();
            assertThat(stats.getEntityUpdateCount()).as("updates for GET %s", path).isZero();
            assertThat(stats.getPrepareStatementCount()).as("statements for GET %s", path).isPositive();
        }
    }

    @Test
    void theInboxCasesNotificationsAndSessionsNeitherFlushNorUpdate() {
        cn.gov.zhuzhou.duban.support.Fixtures.newCase();
        long edu = Api.unitId("株洲市教育局");
        for (String path : List.of("/api/v1/ticket-items?size=200", "/api/v1/ticket-items?unitId=" + edu + "&size=100",
                "/api/v1/notifications?size=100", "/api/v1/notifications?unitId=" + edu + "&size=100", "/api/v1/sessions?size=100")) {
            Statistics stats = statisticsAfter(path);
            assertThat(stats.getFlushCount()).as("flushes for GET %s", path).isZero();
            assertThat(stats.getEntityUpdateCount()).as("updates for GET %s", path).isZero();
            assertThat(stats.getPrepareStatementCount()).as("statements for GET %s", path).isPositive();
        }
    }

    @Test
    void everyOtherListRecordAndHistoryNeitherFlushesNorUpdates() {
        // session 15: these still ran in read-write transactions (the problems page among them: a bench screen)
        long problem = cn.gov.zhuzhou.duban.support.Fixtures.classifiedProblem();
        long report = cn.gov.zhuzhou.duban.support.Fixtures.submittedReport();
        long item = cn.gov.zhuzhou.duban.support.Fixtures.newTicketItem();
        long ticket = given().get("/api/v1/ticket-items/{id}", item).then().extract().jsonPath().getLong("ticket.id");
        long session = given().get("/api/v1/tickets/{id}", ticket).then().extract().jsonPath().getLong("sessionId");
        long position = cn.gov.zhuzhou.duban.support.Fixtures.newPosition();
        long group = cn.gov.zhuzhou.duban.support.Fixtures.newGroup();
        long unit = Api.unitId("株洲市教育局");
        for (String path : List.of("/api/v1/problems?size=100", "/api/v1/problems?status=CLASSIFIED&size=100",
                "/api/v1/problems/" + problem, "/api/v1/problems/" + problem + "/history", "/api/v1/reports?size=100",
                "/api/v1/reports/" + report, "/api/v1/reports/" + report + "/history", "/api/v1/reports/" + report + "/revisions",
                "/api/v1/ticket-items/" + item + "/history", "/api/v1/tickets/" + ticket, "/api/v1/sessions/" + session,
                "/api/v1/units?size=100", "/api/v1/units/" + unit, "/api/v1/cities", "/api/v1/people", "/api/v1/positions",
                "/api/v1/positions/" + position, "/api/v1/groups", "/api/v1/groups/" + group, "/api/v1/publications",
                "/api/v1/job-runs", "/api/v1/supervision-rounds/2026-Q4", "/api/v1/webhook-subscriptions")) {
            Statistics stats = statisticsAfter(path);
            assertThat(stats.getFlushCount()).as("flushes for GET %s", path).isZero();
            assertThat(stats.getEntityUpdateCount()).as("updates for GET %s", path).isZero();
            assertThat(stats.getPrepareStatementCount()).as("statements for GET %s", path).isPositive();
        }
    }

    @Test
    void anInboxPageAndAnItemAreReadWithTheirCaseLinksInOneTransaction() {
        // before: the case links were read after the item service's transaction, in a second one of their own
        long item = cn.gov.zhuzhou.duban.support.Fixtures.newTicketItem();
        Api.asJson(cn.gov.zhuzhou.duban.support.Tokens.supervisor()).body("{\"itemId\": %d}".formatted(item))
                .post("/api/v1/supervision-cases").then().statusCode(201);
        long edu = Api.unitId("株洲市教育局");
        for (String path : List.of("/api/v1/ticket-items?unitId=" + edu + "&size=100", "/api/v1/ticket-items/" + item)) {
            Statistics stats = statisticsAfter(path);
            assertThat(stats.getTransactionCount()).as("transactions for GET %s", path).isEqualTo(1);
            assertThat(stats.getFlushCount()).as("flushes for GET %s", path).isZero();
        }
        assertThat(given().get("/api/v1/ticket-items/{id}", item).then().extract().jsonPath().getLong("supervisionCase.id"))
                .as("the item still links to its case").isPositive();
    }

    @Test
    void theInboxAndTheCaseListLoadNoItemCaseProblemOrUnitEntities() {
        // issue 11, session 7: items, cases and their actions are read as rows; problem texts and case links as tuples
        cn.gov.zhuzhou.duban.support.Fixtures.newCase();
        long edu = Api.unitId("株洲市教育局");
        for (String path : List.of("/api/v1/ticket-items?size=200", "/api/v1/ticket-items?unitId=" + edu + "&size=100",
                "/api/v1/supervision-cases?size=100", "/api/v1/supervision-cases?unitId=" + edu + "&size=100")) {
            assertThat(given().get(path).then().statusCode(200).extract().jsonPath().getList("items")).as(path).isNotEmpty();
            assertThat(statisticsAfter(path).getEntityLoadCount()).as("entities loaded for GET %s", path).isZero();
        }
    }

    @Test
    void theProblemsPageLoadsNoProblemUnitOrCityEntities() {
        // session 15: the page loaded its 100 problems with their units and cities as entities; now rows
        cn.gov.zhuzhou.duban.support.Fixtures.classifiedProblem();
        for (String path : List.of("/api/v1/problems?size=100", "/api/v1/problems?status=CLASSIFIED&size=100")) {
            assertThat(given().get(path).then().statusCode(200).extract().jsonPath().getList("items")).as(path).isNotEmpty();
            assertThat(statisticsAfter(path).getEntityLoadCount()).as("entities loaded for GET %s", path).isZero();
        }
    }

    @Test
    void theTaskListATaskAndThePlanTreeLoadNoTaskOrUnitEntities() {
        long task = Api.taskId("N6");
        assertThat(statisticsAfter("/api/v1/tasks?size=200").getEntityLoadCount()).isZero();
        assertThat(statisticsAfter("/api/v1/tasks/{id}", task).getEntityLoadCount()).isZero();
        // the tree loads its plan and the plan's few areas as entities, never a task, a unit or a city
        Statistics tree = statisticsAfter("/api/v1/plans/{id}/tree", Api.planId());
        assertThat(tree.getEntityStatistics(Plan.class.getName()).getLoadCount()).isEqualTo(1);
        assertThat(tree.getEntityLoadCount()).isEqualTo(1 + given().get("/api/v1/plans/{id}/areas", Api.planId()).then().extract()
                .jsonPath().getList("$").size());
    }

    @Test
    void aChangeToAnEntityReadInAReadOnlyTransactionIsNeverWritten() {
        long plan = Api.scratchPlanId();
        String before = given().get("/api/v1/plans/{id}", plan).then().statusCode(200).extract().jsonPath().getString("title");
        Statistics stats = sessionFactory.getStatistics();
        stats.clear();

        retitler.retitleWhileReading(plan, "只读事务里改的标题");

        assertThat(stats.getFlushCount()).isZero();
        assertThat(stats.getEntityUpdateCount()).isZero();
        assertThat(given().get("/api/v1/plans/{id}", plan).then().extract().jsonPath().getString("title")).isEqualTo(before);
    }

    @Test
    void aReadCalledInsideAWriteJoinsItAndTheWriteStillFlushes() {
        long plan = Api.scratchPlanId();
        String title = Api.unique("写事务里改的标题");

        QuarkusTransaction.requiringNew().run(() -> retitler.retitleWhileReading(plan, title));

        assertThat(given().get("/api/v1/plans/{id}", plan).then().extract().jsonPath().getString("title")).isEqualTo(title);
    }

    @Test
    void writesThroughTheApiStillWrite() {
        long task = Api.aTask("只读之后的写");
        long version = Api.task(task).getLong("version");
        Statistics stats = sessionFactory.getStatistics();
        stats.clear();

        json().body("""
                {"version": %d, "status": "IN_PROGRESS", "progressPercent": 30, "note": "写入仍然生效"}""".formatted(version))
                .post("/api/v1/tasks/{id}/progress", task).then().statusCode(200);

        assertThat(stats.getFlushCount()).isPositive();
        assertThat(stats.getEntityUpdateCount()).isPositive();
        assertThat(Api.task(task).getInt("progressPercent")).isEqualTo(30);
        assertThat(Api.task(task).getLong("version")).isEqualTo(version + 1);
    }
}
