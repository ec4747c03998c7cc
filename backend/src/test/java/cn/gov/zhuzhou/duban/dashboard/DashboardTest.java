package cn.gov.zhuzhou.duban.dashboard;

import static cn.gov.zhuzhou.duban.support.Api.as;
import static cn.gov.zhuzhou.duban.support.Api.given;
import static cn.gov.zhuzhou.duban.support.Api.json;
import static cn.gov.zhuzhou.duban.support.Api.task;
import static cn.gov.zhuzhou.duban.support.Api.unique;
import static cn.gov.zhuzhou.duban.support.Api.unitId;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.zhuzhou.duban.support.Api;
import cn.gov.zhuzhou.duban.support.Fixtures;
import cn.gov.zhuzhou.duban.support.TestClock;
import cn.gov.zhuzhou.duban.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The leader's dashboard on data built here (a plan of 2031 with an area, an overdue key item, a problem at a
 * leader's level, an open case, a report due in May 2031): its own figures are checked by hand, and every figure's
 * list returns exactly its count.
 */
@QuarkusTest
class DashboardTest {

    @Inject
    TestClock clock;

    @BeforeEach
    void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    long newTask(long planId, long areaId, Long parentId, String deadline) {
        return json().body("""
                {"planId": %d, "parentId": %s, "code": "%s", "kind": "NEAR_TERM", "title": "驾驶舱任务", "areaId": %d,
                 "responsibleUnits": [{"unitId": %d, "role": "MAIN"}], "deadline": "%s"}"""
                .formatted(planId, parentId, unique("D"), areaId, unitId("株洲市交通运输局"), deadline))
                .post("/api/v1/tasks").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    void report(long id, String status, int percent) {
        json().body("""
                {"status": "%s", "progressPercent": %d, "version": %d}""".formatted(status, percent, task(id).getLong("version")))
                .post("/api/v1/tasks/{id}/progress", id).then().statusCode(200);
    }

    @Test
    void everyCountAgreesWithItsListAndTheOwnFiguresAreRight() {
        clock.set(LocalDateTime.of(2031, 5, 3, 9, 0));
        long plan = json().body("""
                {"code": "%s", "title": "驾驶舱方案", "periodStart": "2031-01-01", "periodEnd": "2031-12-31"}""".formatted(unique("DASH-")))
                .post("/api/v1/plans").then().statusCode(201).extract().jsonPath().getLong("id");
        long area = json().body("{\"code\": \"%s\", \"name\": \"驾驶舱专项\"}".formatted(unique("A")))
                .post("/api/v1/plans/{id}/areas", plan).then().statusCode(201).extract().jsonPath().getLong("id");
        long overdue = newTask(plan, area, null, "2031-04-30");          // past its deadline: RED
        long behind = newTask(plan, area, null, "2031-12-31");           // 0 % on 10 May, 35 % expected: RED
        long onTrack = newTask(plan, area, null, "2031-12-31");
        long done = newTask(plan, area, null, "2031-12-31");
        long parent = newTask(plan, area, null, "2031-12-31");
        long child = newTask(plan, area, parent, "2031-12-31");
        report(onTrack, "IN_PROGRESS", 40);                           // 35 expected: GREEN
        report(done, "COMPLETED", 100);                               // DONE
        report(child, "IN_PROGRESS", 30);                             // 5 behind: GREEN, and so its parent (rolled up)

        // a report on April, submitted on time (due 5 May)
        // (a unit and task of the test's own, so the seeded task N8.2 keeps the progress other tests read)
        String reporter = unique("ZZ-DB");
        Fixtures.submittedReportOn(reporter, Fixtures.newTaskAnsweredBy("2031-12-31", Fixtures.newUnitCoded(reporter)),
                java.time.YearMonth.of(2031, 4));
        // a key item due 6 May, a problem waiting on a deputy mayor, an open case
        long session = Fixtures.newSession();
        long keyItem = json().body("""
                {"items": [{"problemId": %d, "leadUnitId": %d, "deadline": "2031-05-06", "key": true, "requirement": "驾驶舱重点事项"}]}"""
                .formatted(Fixtures.classifiedProblem(), unitId("株洲市教育局")))
                .post("/api/v1/sessions/{id}/tickets", session).then().statusCode(201).extract().jsonPath().getLong("items[0].id");
        long leaderProblem = Fixtures.newProblem();
        json().body("""
                {"category": "OTHER", "coordinationLevel": "CITY_LEVEL_OF_THREE_CITIES", "version": %d}"""
                .formatted(Fixtures.version("/api/v1/problems/" + leaderProblem)))
                .post("/api/v1/problems/{id}/classifications", leaderProblem).then().statusCode(200);
        Fixtures.newCase();

        clock.set(LocalDateTime.of(2031, 5, 10, 9, 0));
        JsonPath d = as(Tokens.leader()).queryParam("planId", plan).get("/api/v1/dashboard").then().statusCode(200).extract().jsonPath();
        assertThat(d.getString("date")).isEqualTo("2031-05-10");

        // own figures, by hand
        Map<String, Integer> areaCounts = new java.util.HashMap<>();
        List<Map<String, Object>> colors = d.getList("lights.byArea.find { it.areaId == %d }.colors".formatted(area));
        colors.forEach(c -> areaCounts.put((String) c.get("color"), (Integer) c.get("count")));
        assertThat(areaCounts).containsEntry("RED", 2).containsEntry("GREEN", 3).containsEntry("DONE", 1).containsEntry("YELLOW", 0);
        assertThat(d.getList("lights.tasksBehind.taskId", Long.class)).containsExactly(overdue, behind);
        assertThat(d.getString("lights.tasksBehind[0].light.reason")).isEqualTo("已逾期10天");
        assertThat(d.getString("reports.month")).isEqualTo("2031-04");
        assertThat(d.getList("reports.lateUnits.code")).doesNotContain(reporter);
        assertThat(d.getList("reports.missingUnits.code")).doesNotContain(reporter);
        assertThat(d.getInt("reports.onTime.count")).isGreaterThanOrEqualTo(1);
        assertThat(d.getInt("reports.missing.count")).isGreaterThanOrEqualTo(1); // the other units did not report on April
        assertThat(d.getInt("reports.expected.count"))
                .isEqualTo(d.getInt("reports.submitted.count") + d.getInt("reports.missing.count"));
        assertThat(ids(d.getString("overdueKeyItems.list"))).contains(keyItem);
        assertThat(ids(d.getString("waitingOnLeaders.list"))).contains(leaderProblem);
        assertThat(d.getInt("openCases.count")).isGreaterThanOrEqualTo(1);

        // every count agrees with its list
        List<String> figures = new ArrayList<>(List.of("reports.expected", "reports.submitted", "reports.onTime", "reports.late",
                "reports.missing", "overdueKeyItems", "openCases", "waitingOnLeaders"));
        for (int i = 0; i < d.getList("lights.totals").size(); i++) {
            figures.add("lights.totals[" + i + "]");
        }
        for (int a = 0; a < d.getList("lights.byArea").size(); a++) {
            for (int c = 0; c < d.getList("lights.byArea[" + a + "].colors").size(); c++) {
                figures.add("lights.byArea[" + a + "].colors[" + c + "]");
            }
        }
        for (String f : figures) {
            String list = d.getString(f + ".list");
            long total = given().get(list + (list.contains("?") ? "&" : "?") + "size=1").then().statusCode(200).extract().jsonPath()
                    .getLong("totalItems");
            assertThat(total).as(f + " -> " + list).isEqualTo(d.getLong(f + ".count"));
        }
        // and over every plan too
        JsonPath all = as(Tokens.office()).get("/api/v1/dashboard?date=2031-05-10").then().statusCode(200).extract().jsonPath();
        for (int i = 0; i < all.getList("lights.totals").size(); i++) {
            String list = all.getString("lights.totals[" + i + "].list");
            assertThat(given().get(list + "&size=1").then().statusCode(200).extract().jsonPath().getLong("totalItems"))
                    .as(list).isEqualTo(all.getLong("lights.totals[" + i + "].count"));
        }
    }

    @Test
    void theNewListFiltersSelectWhatTheySay() {
        clock.set(LocalDateTime.of(2032, 3, 2, 9, 0));
        long session = Fixtures.newSession();
        long keyItem = json().body("""
                {"items": [{"problemId": %d, "leadUnitId": %d, "deadline": "2032-03-03", "key": true, "requirement": "筛选重点事项"}]}"""
                .formatted(Fixtures.classifiedProblem(), unitId("株洲市教育局")))
                .post("/api/v1/sessions/{id}/tickets", session).then().statusCode(201).extract().jsonPath().getLong("items[0].id");
        assertThat(ids("/api/v1/ticket-items?key=true&overdue=true")).doesNotContain(keyItem);
        assertThat(ids("/api/v1/ticket-items?key=true&overdueOn=2032-03-04")).contains(keyItem);
        assertThat(ids("/api/v1/ticket-items?key=false&overdueOn=2032-03-04")).doesNotContain(keyItem);
        assertThat(ids("/api/v1/ticket-items?key=true&overdueOn=2032-03-03")).doesNotContain(keyItem); // due that day: not yet overdue
        clock.set(LocalDateTime.of(2032, 3, 5, 9, 0));
        assertThat(ids("/api/v1/ticket-items?key=true&overdue=true")).contains(keyItem);

        long unitLevel = Fixtures.classifiedProblem();
        long leaderLevel = Fixtures.newProblem();
        json().body("""
                {"category": "OTHER", "coordinationLevel": "DEPARTMENTS_OF_THREE_CITIES", "version": %d}"""
                .formatted(Fixtures.version("/api/v1/problems/" + leaderLevel)))
                .post("/api/v1/problems/{id}/classifications", leaderLevel).then().statusCode(200);
        assertThat(ids("/api/v1/problems?status=CLASSIFIED&leaderLevel=true")).contains(leaderLevel).doesNotContain(unitLevel);
        assertThat(ids("/api/v1/problems?status=CLASSIFIED&leaderLevel=false")).contains(unitLevel).doesNotContain(leaderLevel);

        JsonPath late = given().get("/api/v1/reporting-months/2032-01/units?standing=MISSING&standing=SUBMITTED_LATE&size=200")
                .then().statusCode(200).extract().jsonPath();
        assertThat(late.getList("items.standing", String.class)).isNotEmpty().allMatch(st -> st.equals("MISSING") || st.equals("SUBMITTED_LATE"));
        given().get("/api/v1/reporting-months/2032-01/units?standing=SOMETIMES").then().statusCode(400);

        long plan = json().body("""
                {"code": "%s", "title": "筛选方案", "periodStart": "2032-01-01", "periodEnd": "2032-12-31"}""".formatted(unique("LIGHT-")))
                .post("/api/v1/plans").then().statusCode(201).extract().jsonPath().getLong("id");
        long area = json().body("{\"code\": \"%s\", \"name\": \"筛选专项\"}".formatted(unique("A")))
                .post("/api/v1/plans/{id}/areas", plan).then().statusCode(201).extract().jsonPath().getLong("id");
        long red = newTask(plan, area, null, "2032-02-28");
        long green = newTask(plan, area, null, "2032-12-31");
        assertThat(ids("/api/v1/tasks?planId=" + plan + "&light=RED")).containsExactly(red);
        // 5 March: 64 of 365 days gone, 18 % expected, 0 % reported: more than 10 points behind
        assertThat(ids("/api/v1/tasks?planId=" + plan + "&light=YELLOW")).containsExactly(green);
        assertThat(ids("/api/v1/tasks?planId=" + plan + "&light=GREEN")).isEmpty();
        // on 3 January neither is overdue and 0 % is within the margins (3 % and 1 % expected)
        assertThat(ids("/api/v1/tasks?planId=" + plan + "&light=GREEN&lightOn=2032-01-03")).containsExactly(red, green);
    }

    @Inject
    org.hibernate.SessionFactory sessionFactory;

    long statementsFor(String path) {
        org.hibernate.stat.Statistics stats = sessionFactory.getStatistics();
        stats.clear();
        as(Tokens.leader()).get(path).then().statusCode(200);
        return stats.getPrepareStatementCount();
    }

    @Test
    void theDashboardCostsTheSameStatementsWhateverTheNumberOfTasksBehind() {
        cn.gov.zhuzhou.duban.support.Elsewhere.commit(null); // counted afresh, not the kept answer
        long before = statementsFor("/api/v1/dashboard");
        long plan = json().body("""
                {"code": "%s", "title": "语句数方案", "periodStart": "2024-01-01", "periodEnd": "2024-12-31"}""".formatted(unique("QC-")))
                .post("/api/v1/plans").then().statusCode(201).extract().jsonPath().getLong("id");
        long area = json().body("{\"code\": \"%s\", \"name\": \"语句数专项\"}".formatted(unique("A")))
                .post("/api/v1/plans/{id}/areas", plan).then().statusCode(201).extract().jsonPath().getLong("id");
        for (int i = 0; i < 3; i++) {
            newTask(plan, area, null, "2024-06-30"); // overdue long ago: red, and named among the tasks behind
        }
        long after = statementsFor("/api/v1/dashboard");
        assertThat(after).isEqualTo(before).isLessThanOrEqualTo(14);
        assertThat(statementsFor("/api/v1/dashboard?planId=" + plan)).isLessThanOrEqualTo(15);
    }

    @Test
    void anUnknownPlanIsA404() {
        as(Tokens.office()).get("/api/v1/dashboard?planId=987654321").then().statusCode(404).contentType("application/problem+json");
    }

    /** Every row's id of a list, page by page. */
    static List<Long> ids(String list) {
        List<Long> ids = new ArrayList<>();
        for (int page = 1; page <= 50; page++) {
            JsonPath p = given().get(list + (list.contains("?") ? "&" : "?") + "size=200&page=" + page).then().statusCode(200)
                    .extract().jsonPath();
            ids.addAll(p.getList("items.id", Long.class));
            if (page >= p.getInt("totalPages")) {
                break;
            }
        }
        return ids;
    }
}
