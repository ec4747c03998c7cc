package cn.gov.zhuzhou.duban.bulletin;

import static cn.gov.zhuzhou.duban.support.Api.asJson;
import static cn.gov.zhuzhou.duban.support.Api.json;
import static cn.gov.zhuzhou.duban.support.Api.office;
import static cn.gov.zhuzhou.duban.support.Api.supervisor;
import static cn.gov.zhuzhou.duban.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

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
 * A quarter of the dispatch cycle built through the API with the test clock (a plan of its own in 2031, twelve
 * units, monthly reports with one late and one missing, two sessions, a ticket with a key item that goes overdue, an
 * item returned twice, an item closed late, a supervision case), then the March bulletin and the first-quarter
 * summary checked figure by figure against numbers worked out by hand; then publishing, freezing, correcting and
 * who reads what.
 *
 * <p>Expected progress on 2031-03-31 (plan period 2031-01-01..2031-12-31, deadline 2031-12-31): 89 of 364 days, 24%.
 * Tasks: T1 (U1, shared, lead city CS) 50% AHEAD; T2 30% AHEAD; T3, T4, T9..T12 20% ON_SCHEDULE (4 points behind,
 * within the yellow margin 10); T5 10% and T6 8% BEHIND (yellow); T7 COMPLETED (deadline ahead: COMPLETED_EARLY);
 * T8 without deadline OTHER (NOT_DUE).
 */
@QuarkusTest
class BulletinWorkflowTest {

    static final int UNITS = 12;

    @Inject
    TestClock clock;

    @BeforeEach
    void logging() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** The data of the quarter, built once for the class (each test generates a different kind). */
    record World(long plan, List<Long> units, List<String> codes, List<Long> tasks, long itemKey, long itemReturned, long itemLate,
            long itemMarch) {
    }

    private static World world;

    private synchronized World world() {
        if (world == null) {
            world = build();
        }
        return world;
    }

    private void at(int year, int month, int day) {
        clock.set(LocalDateTime.of(year, month, day, 10, 0));
    }

    private World build() {
        at(2030, 12, 20);
        long plan = json().body("""
                {"code": "%s", "title": "通报测试方案", "periodStart": "2031-01-01", "periodEnd": "2031-12-31"}""".formatted(unique("BUL-")))
                .post("/api/v1/plans").then().statusCode(201).extract().jsonPath().getLong("id");
        List<Long> units = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (int i = 1; i <= UNITS; i++) {
            String code = unique("ZZ-BUL");
            codes.add(code);
            units.add(json().body("""
                    {"code": "%s", "name": "株洲市通报测试%d局%s", "kind": "DEPARTMENT", "cityCode": "ZZ"}""".formatted(code, i, code))
                    .post("/api/v1/units").then().statusCode(201).extract().jsonPath().getLong("id"));
        }
        long changsha = Api.unitId("长沙市自然资源和规划局");
        List<Long> tasks = new ArrayList<>();
        for (int i = 1; i <= UNITS; i++) {
            String lead = i == 1 ? ", \"crossCityLead\": {\"cityCode\": \"CS\", \"unitIds\": [%d]}".formatted(changsha) : "";
            String deadline = i == 8 ? "" : ", \"deadline\": \"2031-12-31\"";
            tasks.add(json().body("""
                    {"planId": %d, "code": "%s", "kind": "NEAR_TERM", "title": "通报测试任务%d",
                     "responsibleUnits": [{"unitId": %d, "role": "MAIN"}]%s%s}""".formatted(plan, unique("BT"), i, units.get(i - 1), lead, deadline))
                    .post("/api/v1/tasks").then().statusCode(201).extract().jsonPath().getLong("id"));
        }
        // December's reports (due 2031-01-05): all on time.
        at(2031, 1, 4);
        for (int i = 0; i < UNITS; i++) {
            report(codes.get(i), tasks.get(i), "2030-12");
        }
        // January's (due 02-05): all on time but U2, on 02-08 (late).
        at(2031, 2, 3);
        for (int i = 0; i < UNITS; i++) {
            if (i != 1) {
                report(codes.get(i), tasks.get(i), "2031-01");
            }
        }
        at(2031, 2, 8);
        report(codes.get(1), tasks.get(1), "2031-01");
        // A session on 02-10: I1 key for U3 due 03-10 (never done: overdue on 03-31), I2 for U4 due 03-20 (returned twice,
        // closed on time), I3 for U5 due 03-15 (done 03-18: closed late).
        at(2031, 2, 10);
        long s1 = session(units.get(2), units.get(3), units.get(4));
        JsonPath ticket = office().body("""
                {"items": [%s, %s, %s]}""".formatted(item(problem(tasks.get(2), units.get(2)), units.get(2), "2031-03-10", true),
                item(problem(tasks.get(3), units.get(3)), units.get(3), "2031-03-20", false),
                item(problem(tasks.get(4), units.get(4)), units.get(4), "2031-03-15", false)))
                .post("/api/v1/sessions/{id}/tickets", s1).then().statusCode(201).extract().jsonPath();
        long i1 = ticket.getLong("items[0].id"), i2 = ticket.getLong("items[1].id"), i3 = ticket.getLong("items[2].id");
        at(2031, 2, 11);
        step(codes.get(2), i1, "acknowledgements", null);
        step(codes.get(3), i2, "acknowledgements", null);
        at(2031, 2, 12);
        step(codes.get(4), i3, "acknowledgements", null);
        // February's reports (due 03-05): U1..U10 on time, U11 late (03-09), U12 missing at the end of March.
        at(2031, 3, 3);
        for (int i = 0; i < 10; i++) {
            report(codes.get(i), tasks.get(i), "2031-02");
        }
        at(2031, 3, 5);
        step(codes.get(3), i2, "completions", "已办结");
        at(2031, 3, 6);
        step(null, i2, "returns", "材料不全");
        at(2031, 3, 8);
        step(codes.get(3), i2, "completions", "已补充材料");
        at(2031, 3, 9);
        step(null, i2, "returns", "仍缺批复");
        report(codes.get(10), tasks.get(10), "2031-02");
        // A second session on 03-10: I4 for U6 due 04-30; a supervisor opens a case on it.
        at(2031, 3, 10);
        long s2 = session(units.get(5));
        long i4 = office().body("""
                {"items": [%s]}""".formatted(item(problem(tasks.get(5), units.get(5)), units.get(5), "2031-04-30", false)))
                .post("/api/v1/sessions/{id}/tickets", s2).then().statusCode(201).extract().jsonPath().getLong("items[0].id");
        at(2031, 3, 11);
        step(codes.get(5), i4, "acknowledgements", null);
        at(2031, 3, 12);
        step(codes.get(3), i2, "completions", "已取得批复");
        supervisor().body("{\"itemId\": %d}".formatted(i4)).post("/api/v1/supervision-cases").then().statusCode(201);
        at(2031, 3, 15);
        step(null, i2, "verifications", null);
        at(2031, 3, 18);
        step(codes.get(4), i3, "completions", "已办结");
        at(2031, 3, 19);
        step(null, i3, "verifications", null);
        // Progress on 03-20.
        at(2031, 3, 20);
        int[] percent = {50, 30, 20, 20, 10, 8, 100, 10, 20, 20, 20, 20};
        for (int i = 0; i < UNITS; i++) {
            long task = tasks.get(i);
            json().body("""
                    {"status": "%s", "progressPercent": %d, "version": %d}""".formatted(i == 6 ? "COMPLETED" : "IN_PROGRESS", percent[i],
                    Fixtures.version("/api/v1/tasks/" + task))).post("/api/v1/tasks/{id}/progress", task).then().statusCode(200);
        }
        return new World(plan, units, codes, tasks, i1, i2, i3, i4);
    }

    private static void report(String unitCode, long task, String month) {
        long id = asJson(Tokens.liaison(unitCode)).body("""
                {"month": "%s", "entries": [{"taskId": %d, "workDone": "%s月工作", "progressPercent": 20, "track": "ON_TRACK"}]}"""
                .formatted(month, task, month)).post("/api/v1/reports").then().statusCode(201).extract().jsonPath().getLong("id");
        asJson(Tokens.liaison(unitCode)).body("{\"version\": %d}".formatted(Fixtures.version("/api/v1/reports/" + id)))
                .post("/api/v1/reports/{id}/submissions", id).then().statusCode(200);
    }

    private static long session(long... participants) {
        return office().body("""
                {"type": "AD_HOC", "form": "MEETING", "level": "OFFICE", "title": "通报测试调度会", "chairPositionId": %d, "heldOn": "%s",
                 "participantUnitIds": %s}"""
                .formatted(Fixtures.chairPost(), Fixtures.today(), java.util.Arrays.toString(participants))).post("/api/v1/sessions").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static long problem(long task, long unit) {
        long id = office().body("""
                {"taskId": %d, "description": "通报测试问题", "raisedByUnitId": %d}""".formatted(task, unit))
                .post("/api/v1/problems").then().statusCode(201).extract().jsonPath().getLong("id");
        office().body("""
                {"category": "OTHER", "coordinationLevel": "UNIT", "version": %d}""".formatted(Fixtures.version("/api/v1/problems/" + id)))
                .post("/api/v1/problems/{id}/classifications", id).then().statusCode(200);
        return id;
    }

    private static String item(long problem, long unit, String deadline, boolean key) {
        return """
                {"problemId": %d, "leadUnitId": %d, "deadline": "%s", "key": %s, "requirement": "按期办结"}""".formatted(problem, unit, deadline, key);
    }

    /** A step on an item: by its lead unit's liaison ({@code unitCode}) or, when null, by the office. */
    private static void step(String unitCode, long item, String step, String text) {
        var spec = unitCode == null ? office() : asJson(Tokens.liaison(unitCode));
        long version = Fixtures.version("/api/v1/ticket-items/" + item);
        String body = text == null ? "{\"version\": %d}".formatted(version) : "{\"text\": \"%s\", \"version\": %d}".formatted(text, version);
        spec.body(body).post("/api/v1/ticket-items/{id}/" + step, item).then().statusCode(200);
    }

    private static JsonPath generate(World w, String kind, String period) {
        return office().body("""
                {"kind": "%s", "planId": %d, "period": "%s"}""".formatted(kind, w.plan(), period))
                .post("/api/v1/publications").then().statusCode(201).extract().jsonPath();
    }

    private static Map<String, Object> unitLine(JsonPath p, long unit) {
        return p.getMap("content.units.find { it.unit.id == %d }".formatted(unit));
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> counts(Map<String, Object> line, String part, String... fields) {
        Map<String, Integer> m = (Map<String, Integer>) line.get(part);
        return java.util.Arrays.stream(fields).map(m::get).toList();
    }

    private static final String[] REPORT = {"expected", "onTime", "late", "missing"};
    private static final String[] ITEMS = {"issued", "acknowledged", "closedOnTime", "closedLate", "overdue", "overdueKey", "returned"};

    @Test
    void theMarchBulletinCountsWhatStoodAtTheEndOfMarchAndFreezesWhenPublished() {
        World w = world();
        at(2031, 4, 1);
        JsonPath b = generate(w, "MONTHLY_BULLETIN", "2031-03");
        long id = b.getLong("id");
        assertThat(b.getString("status")).isEqualTo("DRAFT");
        assertThat(b.getString("asOf")).isEqualTo("2031-03-31");
        assertThat(b.getString("content.kind")).isEqualTo("MONTHLY_BULLETIN");
        // Overall: 12 tasks, all work items; AHEAD 2 (T1, T2), ON_SCHEDULE 6, BEHIND 2 (T5, T6), COMPLETED 0,
        // COMPLETED_EARLY 1 (T7), OTHER 1 (T8); percentages of 12, one decimal.
        assertThat(b.getInt("content.tasks.tasks")).isEqualTo(12);
        assertThat(b.getInt("content.tasks.workItems")).isEqualTo(12);
        assertThat(b.getList("content.tasks.byCategory.count", Integer.class)).containsExactly(2, 6, 2, 0, 1, 1);
        assertThat(b.getList("content.tasks.byCategory.percent", Float.class)).containsExactly(16.7f, 50.0f, 16.7f, 0.0f, 8.3f, 8.3f);
        // Lights: GREEN 8, YELLOW 2 (T5, T6), RED 0, DONE 1 (T7), NOT_DUE 1 (T8).
        assertThat(b.getList("content.tasks.byLight.count", Integer.class)).containsExactly(8, 2, 0, 1, 1);
        // Every task with its latest report: February's for U1..U11, January's for U12 (February's missing).
        assertThat(b.getList("content.taskLines")).hasSize(12);
        assertThat(b.getString("content.taskLines.find { it.taskId == %d }.latestReport.month".formatted(w.tasks().get(0)))).isEqualTo("2031-02");
        assertThat(b.getString("content.taskLines.find { it.taskId == %d }.latestReport.month".formatted(w.tasks().get(11)))).isEqualTo("2031-01");
        assertThat(b.getString("content.taskLines.find { it.taskId == %d }.category".formatted(w.tasks().get(4)))).isEqualTo("BEHIND");
        // Reports due in March (February's work): 12 expected, 10 on time, 1 late (U11), 1 missing (U12).
        assertThat(List.of(b.getInt("content.reports.expected"), b.getInt("content.reports.onTime"), b.getInt("content.reports.late"),
                b.getInt("content.reports.missing"))).containsExactly(12, 10, 1, 1);
        assertThat(counts(unitLine(b, w.units().get(10)), "reports", REPORT)).containsExactly(1, 0, 1, 0);
        assertThat(counts(unitLine(b, w.units().get(11)), "reports", REPORT)).containsExactly(1, 0, 0, 1);
        assertThat(counts(unitLine(b, w.units().get(0)), "reports", REPORT)).containsExactly(1, 1, 0, 0);
        // Items in March: issued 1 (I4), signed for 1 (I4), closed on time 1 (I2, done 03-12 before 03-20), closed late 1
        // (I3, done 03-18 after 03-15), overdue 1 and key 1 (I1, due 03-10), returned 2 (I2 twice).
        assertThat(counts(Map.of("items", b.getMap("content.items")), "items", ITEMS)).containsExactly(1, 1, 1, 1, 1, 1, 2);
        assertThat(counts(unitLine(b, w.units().get(2)), "items", ITEMS)).containsExactly(0, 0, 0, 0, 1, 1, 0);
        assertThat(counts(unitLine(b, w.units().get(3)), "items", ITEMS)).containsExactly(0, 0, 1, 0, 0, 0, 2);
        assertThat(counts(unitLine(b, w.units().get(4)), "items", ITEMS)).containsExactly(0, 0, 0, 1, 0, 0, 0);
        assertThat(counts(unitLine(b, w.units().get(5)), "items", ITEMS)).containsExactly(1, 1, 0, 0, 0, 0, 0);
        // Open cases on 03-31: the key item's (U3) and the manual one on I4 (U6).
        assertThat(b.getInt("content.openCases")).isEqualTo(2);
        assertThat(unitLine(b, w.units().get(2)).get("openCases")).isEqualTo(1);
        assertThat(unitLine(b, w.units().get(5)).get("openCases")).isEqualTo(1);
        assertThat(b.getList("content.cases.itemId", Long.class)).containsExactlyInAnyOrder(w.itemKey(), w.itemMarch());
        // Named by the default rule: U3 (overdue key item), U4 (two returns), U12 (missing report); in unit order.
        assertThat(b.getList("content.named.unit.id", Long.class)).containsExactly(w.units().get(2), w.units().get(3), w.units().get(11));
        assertThat(b.getList("content.named[0].reasons", String.class)).containsExactly("重点交办事项逾期未办结1项");
        assertThat(b.getList("content.named[1].reasons", String.class)).containsExactly("交办事项被退回2次");
        assertThat(b.getList("content.named[2].reasons", String.class)).containsExactly("缺报月报1次");
        // Did well: every report on time, nothing overdue: U1, U2, U5..U10.
        assertThat(b.getList("content.commended.id", Long.class)).containsExactly(w.units().get(0), w.units().get(1), w.units().get(4),
                w.units().get(5), w.units().get(6), w.units().get(7), w.units().get(8), w.units().get(9));

        // A leader reads no draft; the office edits the prose and publishes.
        asJson(Tokens.leader()).get("/api/v1/publications/{id}", id).then().statusCode(404);
        asJson(Tokens.leader()).queryParam("planId", w.plan()).get("/api/v1/publications").then().statusCode(200).body("totalItems", equalTo(0));
        office().body("{\"opening\": \"3月，各单位总体按序时推进。\", \"nextSteps\": \"滞后单位限期整改。\", \"version\": %d}"
                .formatted(b.getLong("version"))).header("If-Match", Fixtures.etag("/api/v1/publications/" + id)).put("/api/v1/publications/{id}", id).then().statusCode(200)
                .body("opening", equalTo("3月，各单位总体按序时推进。"));
        office().body("{\"kind\": \"MONTHLY_BULLETIN\", \"planId\": %d, \"period\": \"2031-03\"}".formatted(w.plan()))
                .post("/api/v1/publications").then().statusCode(409).body("detail", containsString("草稿"));
        JsonPath published = office().body("{\"version\": %d}".formatted(Fixtures.version("/api/v1/publications/" + id)))
                .post("/api/v1/publications/{id}/releases", id).then().statusCode(200).body("status", equalTo("PUBLISHED"))
                .extract().jsonPath();
        String frozen = office().get("/api/v1/publications/{id}", id).then().statusCode(200).extract().jsonPath().getString("content");
        // Publishing twice, generating again, editing the published prose: 409 each.
        office().body("{\"version\": %d}".formatted(published.getLong("version"))).post("/api/v1/publications/{id}/releases", id).then()
                .statusCode(409).body("type", endsWith("/illegal-transition")).body("detail", containsString("PUBLISHED"));
        office().body("{\"kind\": \"MONTHLY_BULLETIN\", \"planId\": %d, \"period\": \"2031-03\"}".formatted(w.plan()))
                .post("/api/v1/publications").then().statusCode(409).body("detail", containsString("更正"));
        office().body("{\"opening\": \"改\", \"version\": %d}".formatted(published.getLong("version"))).header("If-Match", Fixtures.etag("/api/v1/publications/" + id)).put("/api/v1/publications/{id}", id)
                .then().statusCode(409).body("detail", containsString("PUBLISHED"));

        // Who reads what: a leader the whole; U3's liaison its own lines; Changsha the shared task only.
        asJson(Tokens.leader()).get("/api/v1/publications/{id}", id).then().statusCode(200).body("scope", equalTo("FULL"))
                .body("content.units.size()", equalTo(UNITS));
        JsonPath u3 = asJson(Tokens.liaison(w.codes().get(2))).get("/api/v1/publications/{id}", id).then().statusCode(200)
                .body("scope", equalTo("UNIT")).extract().jsonPath();
        assertThat(u3.getList("content.units.unit.id", Long.class)).containsExactly(w.units().get(2));
        assertThat(u3.getList("content.taskLines.taskId", Long.class)).containsExactly(w.tasks().get(2));
        assertThat(u3.getList("content.named.unit.id", Long.class)).containsExactly(w.units().get(2));
        assertThat(u3.getList("content.commended")).isEmpty();
        JsonPath cs = asJson(Tokens.partner("CS")).get("/api/v1/publications/{id}", id).then().statusCode(200)
                .body("scope", equalTo("SHARED_TASKS")).extract().jsonPath();
        assertThat(cs.getList("content.taskLines.taskId", Long.class)).containsExactly(w.tasks().get(0));
        assertThat(cs.getInt("content.tasks.workItems")).isEqualTo(1);
        assertThat(cs.getList("content.units")).isEmpty();
        assertThat(cs.getList("content.named")).isEmpty();
        assertThat(cs.get("content.reports") == null).isTrue();

        // The tables download as CSV (UTF-8 with a BOM) in the same cut: U3's liaison finds no other unit in it.
        String csv = office().get("/api/v1/publications/{id}/documents/csv", id).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        assertThat(csv).contains("任务进展").contains("株洲市通报测试3局").contains("株洲市通报测试4局");
        String u3csv = asJson(Tokens.liaison(w.codes().get(2))).get("/api/v1/publications/{id}/documents/csv", id).then().statusCode(200)
                .extract().asString();
        assertThat(u3csv).contains("株洲市通报测试3局").doesNotContain("株洲市通报测试4局");
        office().get("/api/v1/publications/{id}/documents/doc", id).then().statusCode(400).body("violations[0].field", equalTo("format"));
        // As PDF (A4, the CJK font embedded): the text read back holds the unit names and the overall figures (16.7 %, 50.0 %).
        byte[] pdf = office().get("/api/v1/publications/{id}/documents/pdf", id).then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(text).contains("总体情况").contains("株洲市通报测试3局").contains("株洲市通报测试4局").contains("16.7").contains("50.0");
        } catch (java.io.IOException e) {
            throw new AssertionError("the bulletin is not a readable PDF", e);
        }
        // As XLSX: one sheet per table, the overall figures as numbers.
        byte[] xlsx = office().get("/api/v1/publications/{id}/documents/xlsx", id).then().statusCode(200).extract().asByteArray();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var overall = book.getSheet("总体情况");
            assertThat(overall).isNotNull();
            assertThat(overall.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(12.0); // 任务总数
            assertThat(overall.getRow(4).getCell(1).getNumericCellValue()).isEqualTo(6.0); // 达序时进度: 6 of 12
        } catch (java.io.IOException e) {
            throw new AssertionError("the bulletin is not a readable workbook", e);
        }

        // The data changes after publishing: U12 sends February's report late, U1 is renamed. The bulletin does not move.
        at(2031, 4, 2);
        report(w.codes().get(11), w.tasks().get(11), "2031-02");
        String renamed = "株洲市改名后通报测试局" + w.codes().get(0);
        json().body("{\"name\": \"%s\", \"kind\": \"DEPARTMENT\", \"version\": %d}".formatted(renamed, Fixtures.version("/api/v1/units/" + w.units().get(0))))
                .header("If-Match", Fixtures.etag("/api/v1/units/" + w.units().get(0))).put("/api/v1/units/{id}", w.units().get(0)).then().statusCode(200);
        JsonPath again = office().get("/api/v1/publications/{id}", id).then().statusCode(200).extract().jsonPath();
        assertThat(again.getString("content")).isEqualTo(frozen);
        assertThat(again.getString("opening")).isEqualTo("3月，各单位总体按序时推进。");
        assertThat(again.getString("content.units[0].unit.name")).doesNotContain("改名后");

        // A correction: a new draft with fresh figures (the new name), the prose copied, pointing back with the reason;
        // publishing it supersedes the first.
        JsonPath correction = office().body("{\"reason\": \"单位更名\", \"version\": %d}".formatted(Fixtures.version("/api/v1/publications/" + id)))
                .post("/api/v1/publications/{id}/corrections", id).then().statusCode(201).body("status", equalTo("DRAFT"))
                .body("corrects", equalTo((int) id)).body("correctionReason", equalTo("单位更名"))
                .body("opening", equalTo("3月，各单位总体按序时推进。")).extract().jsonPath();
        long cid = correction.getLong("id");
        assertThat(correction.getString("content.units[0].unit.name")).isEqualTo(renamed);
        office().body("{\"version\": %d}".formatted(correction.getLong("version"))).post("/api/v1/publications/{id}/releases", cid).then()
                .statusCode(200).body("status", equalTo("PUBLISHED")).body("corrects", equalTo((int) id));
        office().get("/api/v1/publications/{id}", id).then().statusCode(200).body("status", equalTo("SUPERSEDED"))
                .body("correctedBy", equalTo((int) cid));
        assertThat(office().get("/api/v1/publications/{id}", id).then().extract().jsonPath().getString("content")).isEqualTo(frozen);
        office().get("/api/v1/publications/{id}/history", id).then().statusCode(200)
                .body("items.to", org.hamcrest.Matchers.contains("DRAFT", "DRAFT", "PUBLISHED", "PUBLISHED", "SUPERSEDED"))
                .body("items[4].reason", containsString("单位更名"));
        office().get("/api/v1/publications/{id}/history", cid).then().statusCode(200)
                .body("items.to", org.hamcrest.Matchers.contains("DRAFT", "PUBLISHED"));
        asJson(Tokens.leader()).queryParam("planId", w.plan()).queryParam("kind", "MONTHLY_BULLETIN").get("/api/v1/publications").then()
                .statusCode(200).body("totalItems", equalTo(2)).body("items[0].status", equalTo("PUBLISHED"));
    }

    @Test
    void theFirstQuarterSummaryCountsTheQuarterAgainstTheOneBeforeWithTheSupervisionRound() {
        World w = world();
        at(2031, 4, 1);
        JsonPath s = generate(w, "QUARTERLY_SUMMARY", "2031-Q1");
        assertThat(s.getString("content.kind")).isEqualTo("QUARTERLY_SUMMARY");
        assertThat(s.getString("periodStart")).isEqualTo("2031-01-01");
        assertThat(s.getString("asOf")).isEqualTo("2031-03-31");
        // Tasks stand as on 03-31, as in the March bulletin.
        assertThat(s.getList("content.tasks.byCategory.count", Integer.class)).containsExactly(2, 6, 2, 0, 1, 1);
        // Reports due in the quarter (December, January, February): 36 expected, 33 on time, 2 late (U2 January,
        // U11 February), 1 missing (U12 February).
        assertThat(List.of(s.getInt("content.reports.expected"), s.getInt("content.reports.onTime"), s.getInt("content.reports.late"),
                s.getInt("content.reports.missing"))).containsExactly(36, 33, 2, 1);
        assertThat(counts(unitLine(s, w.units().get(1)), "reports", REPORT)).containsExactly(3, 2, 1, 0);
        assertThat(counts(unitLine(s, w.units().get(11)), "reports", REPORT)).containsExactly(3, 2, 0, 1);
        // Items over the quarter: issued 4 (I1..I3 in February, I4 in March), signed for 4, closed on time 1, closed late 1,
        // overdue 1 (key 1) on 03-31, returned 2.
        assertThat(counts(Map.of("items", s.getMap("content.items")), "items", ITEMS)).containsExactly(4, 4, 1, 1, 1, 1, 2);
        assertThat(counts(unitLine(s, w.units().get(2)), "items", ITEMS)).containsExactly(1, 1, 0, 0, 1, 1, 0);
        assertThat(s.getInt("content.openCases")).isEqualTo(2);
        // Named: U3, U4, U12 (U2's and U11's late reports name nobody by default); did well: U1, U5..U10.
        assertThat(s.getList("content.named.unit.id", Long.class)).containsExactly(w.units().get(2), w.units().get(3), w.units().get(11));
        assertThat(s.getList("content.commended.id", Long.class)).containsExactly(w.units().get(0), w.units().get(4), w.units().get(5),
                w.units().get(6), w.units().get(7), w.units().get(8), w.units().get(9));
        // The previous quarter (2030-Q4): none of these items or cases existed; the change is current minus previous.
        assertThat(s.getString("content.previous.period")).isEqualTo("2030-Q4");
        assertThat(counts(Map.of("items", s.getMap("content.previous.items")), "items", ITEMS)).containsExactly(0, 0, 0, 0, 0, 0, 0);
        assertThat(s.getInt("content.previous.openCases")).isZero();
        assertThat(s.getInt("content.change.find { it.figure == 'itemsIssued' }.change")).isEqualTo(4);
        assertThat(s.getInt("content.change.find { it.figure == 'itemsReturned' }.change")).isEqualTo(2);
        assertThat(s.getInt("content.change.find { it.figure == 'openCases' }.change")).isEqualTo(2);
        int previousLate = s.getInt("content.previous.reports.late");
        assertThat(s.getInt("content.change.find { it.figure == 'reportsLate' }.change")).isEqualTo(2 - previousLate);
        // The quarterly supervision round of 2031-Q1, limited to the plan's units: both open cases; U3 late with its overdue item.
        assertThat(s.getString("content.round.quarter")).isEqualTo("2031-Q1");
        assertThat(s.getList("content.round.openCases.itemId", Long.class)).containsExactlyInAnyOrder(w.itemKey(), w.itemMarch());
        assertThat(s.getInt("content.round.lateUnits.find { it.unit.id == %d }.overdueItems".formatted(w.units().get(2)))).isEqualTo(1);
        assertThat(s.getList("content.round.lateUnits.unit.id", Long.class)).contains(w.units().get(1), w.units().get(10));
        // A half-year summary of a half-year not yet over is refused; the quarter's draft is not the leader's to read.
        office().body("{\"kind\": \"HALF_YEAR_SUMMARY\", \"planId\": %d, \"period\": \"2031-H1\"}".formatted(w.plan()))
                .post("/api/v1/publications").then().statusCode(400).body("violations[0].field", equalTo("period"));
        asJson(Tokens.leader()).get("/api/v1/publications/{id}", s.getLong("id")).then().statusCode(404);
    }
}
