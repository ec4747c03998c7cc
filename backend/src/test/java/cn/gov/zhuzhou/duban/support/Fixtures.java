package cn.gov.zhuzhou.duban.support;

import static cn.gov.zhuzhou.duban.support.Api.given;
import static cn.gov.zhuzhou.duban.support.Api.json;
import static cn.gov.zhuzhou.duban.support.Api.unique;

/** Fresh records made through the API as the office's administrator, for tests that change them. */
public final class Fixtures {

    private Fixtures() {
    }

    public static long newUnit() {
        String code = unique("ZZ-F");
        return json().body("""
                {"code": "%s", "name": "株洲市夹具局%s", "kind": "DEPARTMENT", "cityCode": "ZZ"}""".formatted(code, code))
                .post("/api/v1/units").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A Zhuzhou unit of the test's own with the given code (its liaison token is {@code Tokens.liaison(code)}). */
    public static long newUnitCoded(String code) {
        return json().body("""
                {"code": "%s", "name": "株洲市夹具局%s", "kind": "DEPARTMENT", "cityCode": "ZZ"}""".formatted(code, code))
                .post("/api/v1/units").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /**
     * A task of the scratch plan that the given units answer for as main units, due {@code deadline}: reports on it never
     * move a seeded task's progress, which other tests read.
     */
    public static long newTaskAnsweredBy(String deadline, long... unitIds) {
        String units = java.util.Arrays.stream(unitIds).mapToObj(u -> "{\"unitId\": %d, \"role\": \"MAIN\"}".formatted(u))
                .collect(java.util.stream.Collectors.joining(", "));
        return json().body("""
                {"planId": %d, "code": "%s", "kind": "NEAR_TERM", "title": "夹具任务", "responsibleUnits": [%s], "deadline": "%s"}"""
                .formatted(Api.scratchPlanId(), unique("T"), units, deadline)).post("/api/v1/tasks").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    /** A report of the liaison of {@code unitCode} on {@code taskId} for {@code month}, submitted now; returns its id. */
    public static long submittedReportOn(String unitCode, long taskId, java.time.YearMonth month) {
        long id = Api.asJson(Tokens.liaison(unitCode)).body("""
                {"month": "%s", "entries": [{"taskId": %d, "workDone": "夹具月报", "progressPercent": 10, "track": "ON_TRACK"}]}"""
                .formatted(month, taskId)).post("/api/v1/reports").then().statusCode(201).extract().jsonPath().getLong("id");
        Api.asJson(Tokens.liaison(unitCode)).body("{\"version\": %d}".formatted(version("/api/v1/reports/" + id)))
                .post("/api/v1/reports/{id}/submissions", id).then().statusCode(200);
        return id;
    }

    public static long newPosition() {
        return json().body("{\"title\": \"%s\"}".formatted(unique("夹具职务")))
                .post("/api/v1/positions").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static long newGroup() {
        return json().body("{\"code\": \"%s\", \"name\": \"夹具组\", \"kind\": \"WORKING_GROUP\"}".formatted(unique("WGF")))
                .post("/api/v1/groups").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static long newPlan() {
        return json().body("{\"code\": \"%s\", \"title\": \"夹具方案\"}".formatted(unique("FX-")))
                .post("/api/v1/plans").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static final java.util.concurrent.atomic.AtomicInteger MONTHS = new java.util.concurrent.atomic.AtomicInteger();

    /** A month long ended and never used before in this run, for a fresh monthly report. */
    public static String freshMonth() {
        return java.time.YearMonth.of(2010, 1).plusMonths(MONTHS.getAndIncrement()).toString();
    }

    /** A draft report of 市教育局 (liaison ZZ-EDU) on task N8.2 for a fresh month. */
    public static long newReport() {
        return Api.asJson(Tokens.liaison("ZZ-EDU")).body("""
                {"month": "%s", "entries": [{"taskId": %d, "workDone": "夹具月报", "progressPercent": 10, "track": "ON_TRACK"}]}"""
                .formatted(freshMonth(), Api.taskId("N8.2"))).post("/api/v1/reports").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A draft report of the unit {@code unitCode} (its liaison) on the task {@code taskCode} for {@code month}. */
    public static long newReportOf(String unitCode, String taskCode, java.time.YearMonth month) {
        return Api.asJson(Tokens.liaison(unitCode)).body("""
                {"month": "%s", "entries": [{"taskId": %d, "workDone": "夹具月报", "progressPercent": 10, "track": "ON_TRACK"}]}"""
                .formatted(month, Api.taskId(taskCode))).post("/api/v1/reports").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A submitted report of 市教育局. */
    public static long submittedReport() {
        long id = newReport();
        Api.asJson(Tokens.liaison("ZZ-EDU"))
                .body("{\"version\": %d}".formatted(version("/api/v1/reports/" + id))).post("/api/v1/reports/{id}/submissions", id)
                .then().statusCode(200);
        return id;
    }

    /** An open problem raised by the office on task N8.2 for 市教育局 (visible to its liaison). */
    public static long newProblem() {
        return json().body("""
                {"taskId": %d, "description": "夹具问题", "raisedByUnitId": %d}""".formatted(Api.taskId("N8.2"), Api.unitId("株洲市教育局")))
                .post("/api/v1/problems").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A problem the office has classified at unit level. */
    public static long classifiedProblem() {
        long id = newProblem();
        json().body("""
                {"category": "OTHER", "coordinationLevel": "UNIT", "version": %d}""".formatted(version("/api/v1/problems/" + id)))
                .post("/api/v1/problems/{id}/classifications", id).then().statusCode(200);
        return id;
    }

    /** The post of the leading group's office director (市委常委、市人民政府常务副市长). */
    public static long chairPost() {
        return given().queryParam("q", "常务副市长").get("/api/v1/positions").then().statusCode(200).extract().jsonPath()
                .getLong("items[0].id");
    }

    /** A planned office session on today's date, with 市教育局 taking part. */
    public static long newSession() {
        return json().body("""
                {"type": "REGULAR", "form": "MEETING", "level": "OFFICE", "title": "夹具调度会", "chairPositionId": %d,
                 "heldOn": "%s", "participantUnitIds": [%d]}""".formatted(chairPost(), today(), Api.unitId("株洲市教育局")))
                .post("/api/v1/sessions").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** An issued ticket from a fresh session, one item led by 市教育局; returns the item id. */
    public static long newTicketItem() {
        long session = newSession();
        return json().body("""
                {"items": [{"problemId": %d, "leadUnitId": %d, "deadline": "%s", "key": false, "requirement": "夹具要求"}]}"""
                .formatted(classifiedProblem(), Api.unitId("株洲市教育局"), today().plusDays(30)))
                .post("/api/v1/sessions/{id}/tickets", session).then().statusCode(201).extract().jsonPath().getLong("items[0].id");
    }

    /** An item its lead unit (市教育局) has reported done. */
    public static long doneTicketItem() {
        long item = newTicketItem();
        var liaison = Api.asJson(Tokens.liaison("ZZ-EDU"));
        liaison.body("{\"version\": %d}".formatted(version("/api/v1/ticket-items/" + item)))
                .post("/api/v1/ticket-items/{id}/acknowledgements", item).then().statusCode(200);
        Api.asJson(Tokens.liaison("ZZ-EDU"))
                .body("{\"text\": \"已办结\", \"version\": %d}".formatted(version("/api/v1/ticket-items/" + item)))
                .post("/api/v1/ticket-items/{id}/completions", item).then().statusCode(200);
        return item;
    }

    /** A supervision case opened by hand on a fresh item led by 市教育局. */
    public static long newCase() {
        long item = newTicketItem();
        return Api.asJson(Tokens.supervisor())
                .body("{\"itemId\": %d}".formatted(item)).post("/api/v1/supervision-cases").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    /** Today (Asia/Shanghai) on the service's test clock, so fixtures follow a test that moves it, never the wall clock. */
    public static java.time.LocalDate today() {
        return java.time.LocalDate.now(io.quarkus.arc.Arc.container().instance(TestClock.class).get());
    }

    /** The current optimistic-locking version of the resource at {@code path}. */
    public static long version(String path) {
        return given().get(path).then().statusCode(200).extract().jsonPath().getLong("version");
    }

    /** The ETag of the resource at {@code path}, as a client reads it before an edit (If-Match). */
    public static String etag(String path) {
        return given().get(path).then().statusCode(200).extract().header("ETag");
    }
}
