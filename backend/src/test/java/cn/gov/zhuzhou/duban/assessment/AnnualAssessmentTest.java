package cn.gov.zhuzhou.duban.assessment;

import static cn.gov.zhuzhou.duban.support.Api.as;
import static cn.gov.zhuzhou.duban.support.Api.json;
import static cn.gov.zhuzhou.duban.support.Api.liaison;
import static cn.gov.zhuzhou.duban.support.Api.office;
import static cn.gov.zhuzhou.duban.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.zhuzhou.duban.support.Elsewhere;
import cn.gov.zhuzhou.duban.support.Fixtures;
import cn.gov.zhuzhou.duban.support.TestClock;
import cn.gov.zhuzhou.duban.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A year (2032, which no other test uses) of reports, tickets, a supervision case, a task and milestones built through
 * the API with the test clock, and the annual ranking checked against scores worked out by hand with the default rules
 * (README, DUBAN_ASSESSMENT_*). Five scratch units of a scratch plan:
 * U1 and U2 answer for a task each (main unit) and report monthly; U3, U4 and U5 only lead ticket items.
 */
@QuarkusTest
class AnnualAssessmentTest {

    static final int YEAR = 2032;

    /**
     * U1: 12 reports due in 2032 (months 2031-12 to 2032-11); 11 on time = 11 x 0.5 = +5.5; 2032-02 submitted
     * 2032-03-08, 3 days after the 5th = -1 - 3 x 0.2 = -1.6; its task completed on 2032-06-10 = +3; its milestone due
     * 2032-06-30, done 2032-06-15 = +1. 100 + 5.5 - 1.6 + 3 + 1 = 107.9.
     */
    static final BigDecimal U1_SCORE = new BigDecimal("107.9");
    /** U2: 11 on time = +5.5; 2032-05 never submitted = -3; item i0 done and verified before its deadline = +1; its milestone due 2032-09-30 never done = -1. 102.5. */
    static final BigDecimal U2_SCORE = new BigDecimal("102.5");
    /**
     * U3: item X (deadline 04-30) done 05-10, returned 05-12, done 05-15, verified 05-16 = closed late -1 and one return -1;
     * a case opened on X by the supervision office = -2; key item K (deadline 10-31) never done = -5 (its automatic key
     * case costs nothing); ordinary item O (deadline 11-30) never done = -2. 100 - 1 - 1 - 2 - 5 - 2 = 89.
     */
    static final BigDecimal U3_SCORE = new BigDecimal("89.0");
    /** U4 and U5: one item each, done 03-20 and verified 03-25 before its 03-31 deadline = +1: 101, a tie. */
    static final BigDecimal TIE_SCORE = new BigDecimal("101.0");

    @Inject
    TestClock clock;

    @Inject
    org.hibernate.SessionFactory sessionFactory;

    @BeforeEach
    void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    record Year(Map<String, Long> units, Map<String, String> codes, long t1, long t2, long x, long k, long o, long i0, long i4,
            long i5, long caseId, Map<String, Long> reports) {
    }

    private static Year year;

    /** Builds 2032 once for the class (the records never change afterwards) and stops the clock in January 2033. */
    synchronized Year year() {
        if (year == null) {
            year = buildYear();
        }
        clock.set(LocalDateTime.of(YEAR + 1, 1, 10, 9, 0));
        return year;
    }

    void at(int month, int day) {
        clock.set(LocalDateTime.of(YEAR, month, day, 10, 0));
    }

    Year buildYear() {
        clock.set(LocalDateTime.of(YEAR + 1, 1, 10, 9, 0));
        Map<String, Long> units = new java.util.LinkedHashMap<>();
        Map<String, String> codes = new java.util.LinkedHashMap<>();
        for (String u : List.of("U1", "U2", "U3", "U4", "U5")) {
            String code = unique("ZZ-AS");
            codes.put(u, code);
            units.put(u, json().body("""
                    {"code": "%s", "name": "株洲市考核%s局", "kind": "DEPARTMENT", "cityCode": "ZZ"}""".formatted(code, u))
                    .post("/api/v1/units").then().statusCode(201).extract().jsonPath().getLong("id"));
        }
        long plan = json().body("""
                {"code": "%s", "title": "考核测试方案", "periodStart": "2032-01-01", "periodEnd": "2032-12-31"}"""
                .formatted(unique("AS-"))).post("/api/v1/plans").then().statusCode(201).extract().jsonPath().getLong("id");
        // created "after" the year so the milestone's completion date (2032-06-15) is not in the future
        long t1 = task(plan, units.get("U1"), """
                [{"title": "完成实施方案", "dueDate": "2032-06-30", "completedOn": "2032-06-15"}]""");
        long t2 = task(plan, units.get("U2"), """
                [{"title": "完成竣工验收", "dueDate": "2032-09-30"}]""");

        // tickets on 2032-01-20: one problem, one session, six items
        at(1, 20);
        long problem = office().body("""
                {"taskId": %d, "description": "考核测试问题", "raisedByUnitId": %d}""".formatted(t1, units.get("U1")))
                .post("/api/v1/problems").then().statusCode(201).extract().jsonPath().getLong("id");
        office().body("{\"category\": \"OTHER\", \"coordinationLevel\": \"UNIT\", \"version\": %d}"
                .formatted(Fixtures.version("/api/v1/problems/" + problem))).post("/api/v1/problems/{id}/classifications", problem)
                .then().statusCode(200);
        long session = office().body("""
                {"type": "REGULAR", "form": "MEETING", "level": "OFFICE", "title": "考核测试调度会", "chairPositionId": %d,
                 "heldOn": "2032-01-20", "participantUnitIds": [%d]}""".formatted(Fixtures.chairPost(), units.get("U1")))
                .post("/api/v1/sessions").then().statusCode(201).extract().jsonPath().getLong("id");
        JsonPath ticket = office().body("""
                {"items": [%s, %s, %s, %s, %s, %s]}""".formatted(
                item(problem, units.get("U2"), "2032-06-30", false), item(problem, units.get("U3"), "2032-04-30", false),
                item(problem, units.get("U3"), "2032-10-31", true), item(problem, units.get("U3"), "2032-11-30", false),
                item(problem, units.get("U4"), "2032-03-31", false), item(problem, units.get("U5"), "2032-03-31", false)))
                .post("/api/v1/sessions/{id}/tickets", session).then().statusCode(201).extract().jsonPath();
        assertThat(ticket.getString("number")).isEqualTo("交办〔2032〕1号");
        long i0 = ticket.getLong("items[0].id"), x = ticket.getLong("items[1].id"), k = ticket.getLong("items[2].id");
        long o = ticket.getLong("items[3].id"), i4 = ticket.getLong("items[4].id"), i5 = ticket.getLong("items[5].id");
        at(1, 21);
        acknowledge(codes.get("U2"), i0);
        acknowledge(codes.get("U3"), x);
        acknowledge(codes.get("U3"), k);
        acknowledge(codes.get("U3"), o);
        acknowledge(codes.get("U4"), i4);
        acknowledge(codes.get("U5"), i5);
        at(3, 20);
        done(codes.get("U4"), i4);
        done(codes.get("U5"), i5);
        at(3, 25);
        verify(i4);
        verify(i5);
        at(5, 5);
        long caseId = as(Tokens.supervisor()).contentType("application/json").body("{\"itemId\": %d}".formatted(x))
                .post("/api/v1/supervision-cases").then().statusCode(201).extract().jsonPath().getLong("id");
        at(5, 10);
        done(codes.get("U3"), x);
        at(5, 12);
        office().body("{\"text\": \"材料不全\", \"version\": %d}".formatted(itemVersion(x))).post("/api/v1/ticket-items/{id}/returns", x)
                .then().statusCode(200);
        at(5, 15);
        done(codes.get("U3"), x);
        at(5, 16);
        verify(x);
        at(6, 20);
        done(codes.get("U2"), i0);
        at(6, 25);
        verify(i0);
        at(6, 10);
        office().body("{\"status\": \"COMPLETED\", \"progressPercent\": 100, \"note\": \"已完成\", \"version\": %d}"
                .formatted(Fixtures.version("/api/v1/tasks/" + t1))).post("/api/v1/tasks/{id}/progress", t1).then().statusCode(200);

        // monthly reports: the work of 2031-12 .. 2032-11 falls due on the 5th of 2032-01 .. 2032-12
        Map<String, Long> reports = new java.util.LinkedHashMap<>();
        for (YearMonth m = YearMonth.of(YEAR - 1, 12); !m.isAfter(YearMonth.of(YEAR, 11)); m = m.plusMonths(1)) {
            LocalDate due = m.plusMonths(1).atDay(5);
            clock.set(due.minusDays(2).atTime(10, 0));
            boolean t1Done = !m.isBefore(YearMonth.of(YEAR, 6)); // reported after the completion of 2032-06-10
            if (!m.equals(YearMonth.of(YEAR, 2))) {
                reports.put("U1 " + m, report(codes.get("U1"), t1, m, t1Done ? 100 : 10));
            }
            if (!m.equals(YearMonth.of(YEAR, 5))) {
                reports.put("U2 " + m, report(codes.get("U2"), t2, m, 20));
            }
        }
        clock.set(LocalDateTime.of(YEAR, 3, 8, 10, 0));
        reports.put("U1 2032-02", report(codes.get("U1"), t1, YearMonth.of(YEAR, 2), 10));
        clock.set(LocalDateTime.of(YEAR + 1, 1, 10, 9, 0));
        return new Year(units, codes, t1, t2, x, k, o, i0, i4, i5, caseId, reports);
    }

    static long task(long plan, long unit, String milestones) {
        return json().body("""
                {"planId": %d, "code": "%s", "kind": "NEAR_TERM", "title": "考核测试任务",
                 "responsibleUnits": [{"unitId": %d, "role": "MAIN"}], "deadline": "2032-12-31", "milestones": %s}"""
                .formatted(plan, unique("AS"), unit, milestones)).post("/api/v1/tasks").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static String item(long problem, long lead, String deadline, boolean key) {
        return """
                {"problemId": %d, "leadUnitId": %d, "deadline": "%s", "key": %s, "requirement": "按期办结"}""".formatted(problem, lead, deadline, key);
    }

    static long itemVersion(long item) {
        return Fixtures.version("/api/v1/ticket-items/" + item);
    }

    static void acknowledge(String unit, long item) {
        liaison(unit).body("{\"version\": %d}".formatted(itemVersion(item))).post("/api/v1/ticket-items/{id}/acknowledgements", item)
                .then().statusCode(200);
    }

    static void done(String unit, long item) {
        liaison(unit).body("{\"text\": \"已办结\", \"version\": %d}".formatted(itemVersion(item)))
                .post("/api/v1/ticket-items/{id}/completions", item).then().statusCode(200);
    }

    static void verify(long item) {
        office().body("{\"version\": %d}".formatted(itemVersion(item))).post("/api/v1/ticket-items/{id}/verifications", item)
                .then().statusCode(200);
    }

    static long report(String unit, long task, YearMonth month, int percent) {
        long id = liaison(unit).body("""
                {"month": "%s", "entries": [{"taskId": %d, "workDone": "本月推进情况", "progressPercent": %d, "track": "ON_TRACK"}]}"""
                .formatted(month, task, percent)).post("/api/v1/reports").then().statusCode(201).extract().jsonPath().getLong("id");
        long version = liaison(unit).get("/api/v1/reports/{id}", id).then().extract().jsonPath().getLong("version");
        liaison(unit).body("{\"version\": %d}".formatted(version)).post("/api/v1/reports/{id}/submissions", id).then().statusCode(200);
        return id;
    }

    static JsonPath assessment(io.restassured.specification.RequestSpecification as) {
        return as.get("/api/v1/assessments/{year}", YEAR).then().statusCode(200).extract().jsonPath();
    }

    static BigDecimal score(JsonPath view, long unit) {
        return new BigDecimal(view.getString("ranking.find { it.unit.id == %d }.score".formatted(unit)));
    }

    static int rank(JsonPath view, long unit) {
        return view.getInt("ranking.find { it.unit.id == %d }.rank".formatted(unit));
    }

    @Test
    void eachUnitsScoreIsWhatTheRulesGiveByHand() {
        Year y = year();
        JsonPath view = assessment(office());
        assertThat(view.getInt("year")).isEqualTo(YEAR);
        assertThat(view.getString("asOf")).isEqualTo("2032-12-31");
        assertThat(view.getBoolean("yearOver")).isTrue();
        assertThat(score(view, y.units().get("U1"))).isEqualByComparingTo(U1_SCORE);
        assertThat(score(view, y.units().get("U2"))).isEqualByComparingTo(U2_SCORE);
        assertThat(score(view, y.units().get("U3"))).isEqualByComparingTo(U3_SCORE);
        assertThat(score(view, y.units().get("U4"))).isEqualByComparingTo(TIE_SCORE);
        assertThat(score(view, y.units().get("U5"))).isEqualByComparingTo(TIE_SCORE);
        // U3's lines, rule by rule, each at the record behind it
        List<Map<String, Object>> u3 = view.getList("breakdowns.find { it.unit.id == %d }.lines".formatted(y.units().get("U3")));
        assertThat(u3).extracting(l -> l.get("rule") + ":" + l.get("recordId") + ":" + l.get("points")).containsExactly(
                "BASE:null:100.0",
                "ITEM_CLOSED_LATE:" + y.x() + ":-1.0",
                "ITEM_RETURNED:" + y.x() + ":-1.0",
                "KEY_ITEM_OVERDUE:" + y.k() + ":-5.0",
                "ITEM_OVERDUE:" + y.o() + ":-2.0",
                "SUPERVISION_CASE:" + y.caseId() + ":-2.0");
        // U1's late report: its id, 3 days, -1.6
        List<Map<String, Object>> u1 = view.getList("breakdowns.find { it.unit.id == %d }.lines".formatted(y.units().get("U1")));
        assertThat(u1).filteredOn(l -> "REPORT_LATE".equals(l.get("rule"))).singleElement().satisfies(l -> {
            assertThat(((Number) l.get("recordId")).longValue()).isEqualTo(y.reports().get("U1 2032-02"));
            assertThat(l.get("points").toString()).isEqualTo("-1.6");
            assertThat((String) l.get("detail")).contains("逾期 3 天");
        });
        assertThat(u1).filteredOn(l -> "TASK_COMPLETED".equals(l.get("rule"))).singleElement()
                .satisfies(l -> assertThat(((Number) l.get("recordId")).longValue()).isEqualTo(y.t1()));
        List<Map<String, Object>> u2 = view.getList("breakdowns.find { it.unit.id == %d }.lines".formatted(y.units().get("U2")));
        assertThat(u2).filteredOn(l -> "REPORT_MISSING".equals(l.get("rule"))).singleElement()
                .satisfies(l -> assertThat(l.get("reference")).isEqualTo("2032-05 月报"));
        assertThat(u2).filteredOn(l -> "MILESTONE_MISSED".equals(l.get("rule"))).singleElement()
                .satisfies(l -> assertThat((String) l.get("detail")).contains("完成竣工验收"));
    }

    @Test
    void equalScoresShareARankAndTheNextRankSkips() {
        Year y = year();
        JsonPath view = assessment(office());
        List<Map<String, Object>> rows = view.getList("ranking");
        long above = rows.stream().filter(r -> new BigDecimal(r.get("score").toString()).compareTo(TIE_SCORE) > 0).count();
        int tied = rank(view, y.units().get("U4"));
        assertThat(rank(view, y.units().get("U5"))).isEqualTo(tied);
        assertThat(tied).isEqualTo(above + 1);
        // listed by unit code within the tie, and the row after the tie ranks two further
        String first = y.codes().get("U4").compareTo(y.codes().get("U5")) < 0 ? y.codes().get("U4") : y.codes().get("U5");
        assertThat(rows.get(tied - 1)).extracting(r -> ((Map<?, ?>) r.get("unit")).get("code")).isEqualTo(first);
        if (rows.size() > tied + 1) {
            assertThat(((Number) rows.get(tied + 1).get("rank")).intValue()).isEqualTo(tied + 2);
        }
        assertThat(rank(view, y.units().get("U1"))).isLessThan(rank(view, y.units().get("U2")));
        assertThat(rank(view, y.units().get("U2"))).isLessThan(tied);
        assertThat(rank(view, y.units().get("U3"))).isGreaterThan(tied + 1);
        // every rank is 1 + the number of better scores
        for (Map<String, Object> r : rows) {
            BigDecimal s = new BigDecimal(r.get("score").toString());
            long better = rows.stream().filter(o -> new BigDecimal(o.get("score").toString()).compareTo(s) > 0).count();
            assertThat(((Number) r.get("rank")).longValue()).isEqualTo(better + 1);
        }
    }

    @Test
    void everyLineAddsUpAndPointsAtARealRecord() {
        Year y = year();
        JsonPath view = assessment(office());
        for (String u : List.of("U1", "U2", "U3", "U4", "U5")) {
            long unit = y.units().get(u);
            List<Map<String, Object>> lines = view.getList("breakdowns.find { it.unit.id == %d }.lines".formatted(unit));
            BigDecimal sum = lines.stream().map(l -> new BigDecimal(l.get("points").toString())).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(sum).as(u).isEqualByComparingTo(score(view, unit));
            for (Map<String, Object> l : lines) {
                String type = (String) l.get("recordType");
                Number id = (Number) l.get("recordId");
                if (type == null) {
                    assertThat(l.get("rule")).isEqualTo("BASE");
                    continue;
                }
                if ("REPORT_MISSING".equals(l.get("rule"))) {
                    continue; // no report was ever written: the line names the month
                }
                assertThat(id).as(u + " " + l).isNotNull();
                switch (type) {
                    case "MONTHLY_REPORT" -> office().get("/api/v1/reports/{id}", id.longValue()).then().statusCode(200)
                            .body("unit.id", equalTo((int) unit));
                    case "TICKET_ITEM" -> office().get("/api/v1/ticket-items/{id}", id.longValue()).then().statusCode(200)
                            .body("leadUnit.id", equalTo((int) unit));
                    case "SUPERVISION_CASE" -> office().get("/api/v1/supervision-cases/{id}", id.longValue()).then().statusCode(200)
                            .body("item.id", equalTo((int) y.x()));
                    case "TASK" -> assertThat(id.longValue()).isIn(y.t1(), y.t2());
                    case "MILESTONE" -> assertThat((String) l.get("reference")).containsAnyOf("完成实施方案", "完成竣工验收");
                    default -> throw new AssertionError("unexpected record type " + type);
                }
            }
        }
    }

    @Test
    void publishingFreezesTheYearsRankingAndItNeverChangesAfterwards() {
        Year y = year();
        long plan = cn.gov.zhuzhou.duban.support.Api.scratchPlanId();
        JsonPath draft = office().body("""
                {"kind": "ANNUAL_ASSESSMENT", "planId": %d, "period": "%d"}""".formatted(plan, YEAR))
                .post("/api/v1/publications").then().statusCode(201).extract().jsonPath();
        long id = draft.getLong("id");
        assertThat(draft.getString("content.kind")).isEqualTo("ANNUAL_ASSESSMENT");
        assertThat(new BigDecimal(draft.getString("content.ranking.find { it.unit.id == %d }.score".formatted(y.units().get("U3")))))
                .isEqualByComparingTo(U3_SCORE);
        office().body("{\"version\": %d}".formatted(draft.getLong("version"))).post("/api/v1/publications/{id}/releases", id)
                .then().statusCode(200).body("status", equalTo("PUBLISHED"));
        String before = office().get("/api/v1/publications/{id}", id).then().statusCode(200).extract().jsonPath().getString("content");

        // After publishing, U5 is renamed: the live ranking shows the new name, the published one stays as it was.
        long u5 = y.units().get("U5");
        json().body("{\"name\": \"株洲市考核改名局\", \"kind\": \"DEPARTMENT\", \"version\": %d}"
                .formatted(Fixtures.version("/api/v1/units/" + u5))).header("If-Match", Fixtures.etag("/api/v1/units/" + u5)).put("/api/v1/units/{id}", u5).then().statusCode(200);
        assertThat(assessment(office()).getString("ranking.find { it.unit.id == %d }.unit.name".formatted(u5))).isEqualTo("株洲市考核改名局");
        JsonPath published = office().get("/api/v1/publications/{id}", id).then().statusCode(200).extract().jsonPath();
        assertThat(published.getString("content")).isEqualTo(before);
        assertThat(published.getString("content.ranking.find { it.unit.id == %d }.unit.name".formatted(u5))).isEqualTo("株洲市考核U5局");

        // the year is published once; a second draft of it is a conflict; the unit reads only its own lines
        office().body("""
                {"kind": "ANNUAL_ASSESSMENT", "planId": %d, "period": "%d"}""".formatted(plan, YEAR))
                .post("/api/v1/publications").then().statusCode(409);
        office().body("{\"version\": %d}".formatted(published.getLong("version"))).post("/api/v1/publications/{id}/releases", id)
                .then().statusCode(409);
        JsonPath own = liaison(y.codes().get("U3")).get("/api/v1/publications/{id}", id).then().statusCode(200).extract().jsonPath();
        assertThat(own.getString("scope")).isEqualTo("UNIT");
        assertThat(own.getList("content.breakdowns.unit.id", Long.class)).containsExactly(y.units().get("U3"));
        assertThat(own.getList("content.ranking")).hasSameSizeAs(published.getList("content.ranking"));
    }

    @Test
    void aLiaisonReadsTheWholeRankingButOnlyItsOwnLines() {
        Year y = year();
        JsonPath all = assessment(office());
        JsonPath own = assessment(liaison(y.codes().get("U3")));
        assertThat(own.getList("ranking")).hasSameSizeAs(all.getList("ranking"));
        assertThat(own.getList("breakdowns.unit.id", Long.class)).containsExactly(y.units().get("U3"));
        assertThat(own.getMap("breakdowns[0]")).isEqualTo(all.getMap("breakdowns.find { it.unit.id == %d }".formatted(y.units().get("U3"))));
        assertThat(assessment(as(Tokens.leader())).getList("breakdowns")).hasSameSizeAs(all.getList("ranking"));
        as(Tokens.partner("CS")).get("/api/v1/assessments/{year}", YEAR).then().statusCode(403);
    }

    @Test
    void theWholeYearComesGzippedToAClientThatTakesItAndTheSameAsPlainJson() throws java.io.IOException {
        year();
        // the raw bytes, as a browser receives them before it decodes them
        var raw = RestAssured.config().decoderConfig(io.restassured.config.DecoderConfig.decoderConfig().noContentDecoders());
        var plain = office().config(raw).header("Accept-Encoding", "identity").get("/api/v1/assessments/{year}", YEAR).then().statusCode(200)
                .header("Content-Encoding", org.hamcrest.Matchers.nullValue()).header("Vary", org.hamcrest.Matchers.containsString("Accept-Encoding"))
                .extract().asByteArray();
        var gzipped = office().config(raw).header("Accept-Encoding", "gzip, deflate, br").get("/api/v1/assessments/{year}", YEAR).then()
                .statusCode(200).header("Content-Encoding", "gzip").header("Vary", org.hamcrest.Matchers.containsString("Accept-Encoding"))
                .extract().asByteArray();
        byte[] unzipped = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped)).readAllBytes();
        JsonPath fromPlain = JsonPath.from(new String(plain, java.nio.charset.StandardCharsets.UTF_8));
        JsonPath fromGzip = JsonPath.from(new String(unzipped, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(fromGzip.getList("ranking")).isNotEmpty().isEqualTo(fromPlain.getList("ranking"));
        assertThat(fromGzip.getList("breakdowns")).isEqualTo(fromPlain.getList("breakdowns"));
        assertThat(gzipped.length).as("gzip makes the JSON smaller").isLessThan(plain.length / 2);
        // the kept answer's bytes are sent as they are held, so sending them is what must leave them whole for the next
        assertThat(office().config(raw).header("Accept-Encoding", "gzip").get("/api/v1/assessments/{year}", YEAR).then().statusCode(200)
                .extract().asByteArray()).isEqualTo(gzipped);
        assertThat(office().config(raw).header("Accept-Encoding", "identity").get("/api/v1/assessments/{year}", YEAR).then().statusCode(200)
                .extract().asByteArray()).isEqualTo(plain);
        // the plain JSON is inflated from the kept gzip as it is sent, and still announces its whole length
        var plainAnswer = office().config(raw).header("Accept-Encoding", "identity").get("/api/v1/assessments/{year}", YEAR).then()
                .statusCode(200).extract().response();
        assertThat(plainAnswer.header("Content-Length")).isEqualTo(String.valueOf(plain.length));
        assertThat(plainAnswer.asByteArray()).isEqualTo(plain);
        // gzip refused: plain JSON
        office().config(raw).header("Accept-Encoding", "gzip;q=0, deflate").get("/api/v1/assessments/{year}", YEAR).then().statusCode(200)
                .header("Content-Encoding", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void theOfficeAsksForOneUnitsLinesWithTheWholeRanking() {
        Year y = year();
        JsonPath all = assessment(office());
        JsonPath one = office().queryParam("unitId", y.units().get("U2")).get("/api/v1/assessments/{year}", YEAR).then().statusCode(200)
                .extract().jsonPath();
        assertThat(one.getList("ranking")).hasSameSizeAs(all.getList("ranking"));
        assertThat(one.getList("breakdowns.unit.id", Long.class)).containsExactly(y.units().get("U2"));
        // cut from the kept round: the same unit, rank, score and lines, and the same frame, as in the whole answer
        assertThat(one.getMap("breakdowns[0]")).isEqualTo(all.getMap("breakdowns.find { it.unit.id == %d }".formatted(y.units().get("U2"))));
        assertThat(one.getList("breakdowns[0].lines")).hasSizeGreaterThan(1);
        for (String same : List.of("kind", "year", "asOf", "yearOver", "ranking", "rules")) {
            assertThat(one.<Object>get(same)).as(same).isEqualTo(all.get(same));
        }
        // a liaison asking for another unit's lines gets none: its own scope comes first
        assertThat(liaison(y.codes().get("U3")).queryParam("unitId", y.units().get("U2")).get("/api/v1/assessments/{year}", YEAR).then()
                .statusCode(200).extract().jsonPath().getList("breakdowns")).isEmpty();
    }

    @Test
    void aYearOutsideThePlanOrNotYetBegunIsABadRequest() {
        clock.set(LocalDateTime.of(YEAR, 7, 1, 9, 0));
        for (String bad : List.of("2018", "2033", "20x2", "99999")) {
            office().get("/api/v1/assessments/{year}", bad).then().statusCode(400)
                    .contentType(containsString("application/problem+json"))
                    .body("violations[0].field", equalTo("year"));
        }
    }

    @Test
    void whileTheYearRunsTheRankingStandsAsOfToday() {
        year();
        clock.set(LocalDateTime.of(YEAR, 7, 1, 9, 0));
        JsonPath view = assessment(office());
        assertThat(view.getString("asOf")).isEqualTo("2032-07-01");
        assertThat(view.getBoolean("yearOver")).isFalse();
    }

    /** The records are read in a few aggregate statements, never an entity per unit or record (QueryCountTest's rule). */
    @Test
    void theRankingIsAFewStatementsWhateverTheNumberOfRecords() {
        year();
        org.hibernate.stat.Statistics stats = sessionFactory.getStatistics();
        Elsewhere.commit(null); // no kept answer is current: each year below is computed
        stats.clear();
        office().get("/api/v1/assessments/{year}", YEAR).then().statusCode(200);
        long busyYear = stats.getPrepareStatementCount();
        stats.clear();
        office().get("/api/v1/assessments/{year}", 2019).then().statusCode(200);
        long quietYear = stats.getPrepareStatementCount();
        assertThat(busyYear).isLessThanOrEqualTo(STATEMENT_BOUND);
        assertThat(quietYear).isLessThanOrEqualTo(STATEMENT_BOUND);
    }

    /**
     * Leaders reading the ranking between changes get the answer kept from the last computation, for one statement (the
     * records' version); a change committed on another instance of the cluster is in the next answer, as one committed
     * here is (publishingFreezesTheYearsRankingAndItNeverChangesAfterwards renames a unit through the API).
     */
    @Test
    void theRankingIsKeptUntilAChangeIsCommittedOnAnyInstance() {
        Year y = year();
        long u4 = y.units().get("U4");
        String name = assessment(office()).getString("ranking.find { it.unit.id == %d }.unit.name".formatted(u4));
        org.hibernate.stat.Statistics stats = sessionFactory.getStatistics();
        stats.clear();
        JsonPath kept = assessment(office());
        assertThat(stats.getPrepareStatementCount()).as("the records' version, and nothing computed").isEqualTo(1);
        assertThat(kept.getString("ranking.find { it.unit.id == %d }.unit.name".formatted(u4))).isEqualTo(name);
        try {
            Elsewhere.commit("update unit set name = ? where id = ?", "株洲市考核他处改名局", u4);
            assertThat(assessment(office()).getString("ranking.find { it.unit.id == %d }.unit.name".formatted(u4)))
                    .isEqualTo("株洲市考核他处改名局");
        } finally {
            Elsewhere.commit("update unit set name = ? where id = ?", name, u4);
        }
        assertThat(assessment(office()).getString("ranking.find { it.unit.id == %d }.unit.name".formatted(u4))).isEqualTo(name);
    }

    /**
     * The records' version (1), assessed units (1), reports (2), items (3), cases (2), task completions (3), milestones
     * (2), unit names (1): 15, whatever the number of units and records.
     */
    static final long STATEMENT_BOUND = 15;
}
