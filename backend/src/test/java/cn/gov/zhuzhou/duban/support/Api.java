package cn.gov.zhuzhou.duban.support;


import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.concurrent.atomic.AtomicInteger;

/** Small builders so the tests read like the workflow they check. */
public final class Api {

    private static final AtomicInteger SEQ = new AtomicInteger((int) (System.nanoTime() % 10000));

    private Api() {
    }

    /** A request signed in as the office's administrator (roles admin and office). */
    public static RequestSpecification given() {
        return as(Tokens.staff());
    }

    /** A request carrying {@code token}. */
    public static RequestSpecification as(String token) {
        return token == null ? io.restassured.RestAssured.given() : io.restassured.RestAssured.given().auth().oauth2(token);
    }

    /** A JSON request carrying {@code token}: the one builder behind every role's requests in the tests. */
    public static RequestSpecification asJson(String token) {
        return as(token).contentType(ContentType.JSON);
    }

    /** A JSON request as the office (督办办公室). */
    public static RequestSpecification office() {
        return asJson(Tokens.office());
    }

    /** A JSON request as a supervision office (督查室). */
    public static RequestSpecification supervisor() {
        return asJson(Tokens.supervisor());
    }

    /** A JSON request as the liaison of the unit with this code (e.g. ZZ-EDU). */
    public static RequestSpecification liaison(String unitCode) {
        return asJson(Tokens.liaison(unitCode));
    }

    /** A JSON request signed in as the office's administrator. */
    public static RequestSpecification json() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static String unique(String prefix) {
        return prefix + SEQ.incrementAndGet();
    }

    private static final java.util.Map<String, Long> IDS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The seeded Zhuzhou action plan. */
    public static long planId() {
        return IDS.computeIfAbsent("plan", k -> given().queryParam("size", 200).get("/api/v1/plans").then().statusCode(200).extract().jsonPath()
                .getLong("items.find { it.code == 'ZZ-CZT-2019' }.id"));
    }

    /** A unit by full name (seeded units never change id, so the answer is remembered). */
    public static long unitId(String name) {
        return IDS.computeIfAbsent("unit:" + name, k -> given().queryParam("q", name).queryParam("size", 200).get("/api/v1/units").then().statusCode(200).extract()
                .jsonPath().getLong("items.find { it.name == '" + name + "' }.id"));
    }

    /** A task of the seeded plan by code (remembered, like units). */
    public static long taskId(String code) {
        long plan = planId();
        return IDS.computeIfAbsent("task:" + code, k -> given().queryParam("planId", plan).queryParam("q", code).queryParam("size", 200).get("/api/v1/tasks").then().statusCode(200).extract()
                .jsonPath().getLong("items.find { it.code == '" + code + "' }.id"));
    }

    public static JsonPath task(long id) {
        return given().get("/api/v1/tasks/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    private static Long scratchPlan;

    /** A plan of the tests' own, so what they create never changes the seeded Zhuzhou plan. */
    public static synchronized long scratchPlanId() {
        if (scratchPlan == null) {
            scratchPlan = json().body("""
                    {"code": "%s", "title": "测试用方案", "periodStart": "2026-01-01", "periodEnd": "2026-12-31"}"""
                    .formatted(unique("TEST-"))).post("/api/v1/plans").then().statusCode(201).extract().jsonPath().getLong("id");
        }
        return scratchPlan;
    }

    /** Creates a near-term task in the scratch plan, with Zhuzhou's transport bureau as main unit; returns its id. */
    public static long aTask(String title) {
        return aTaskUnder(null, title);
    }

    /** Creates a near-term task in the scratch plan under {@code parentId} (null: at the top); returns its id. */
    public static long aTaskUnder(Long parentId, String title) {
        String body = """
                {"planId": %d, "parentId": %s, "code": "%s", "kind": "NEAR_TERM", "title": "%s",
                 "responsibleUnits": [{"unitId": %d, "role": "MAIN"}], "deadline": "2026-12-31"}
                """.formatted(scratchPlanId(), parentId, unique("T"), title, unitId("株洲市交通运输局"));
        return json().body(body).post("/api/v1/tasks").then().statusCode(201).extract().jsonPath().getLong("id");
    }
}
