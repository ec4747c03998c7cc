package cn.gov.zhuzhou.duban.common.http;

import static cn.gov.zhuzhou.duban.support.Api.aTask;
import static cn.gov.zhuzhou.duban.support.Api.aTaskUnder;
import static cn.gov.zhuzhou.duban.support.Api.given;
import static cn.gov.zhuzhou.duban.support.Api.json;
import static cn.gov.zhuzhou.duban.support.Api.unitId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A client reads a task with its ETag, revalidates it with If-None-Match and edits it with If-Match. */
@QuarkusTest
class EntityTagApiTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String TAG = "\"\\d+-[0-9a-f]{16}\"";

    @BeforeEach
    void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static String edit(String title) {
        return """
                {"title": "%s", "responsibleUnits": [{"unitId": %d, "role": "MAIN"}], "deadline": "2026-12-31",
                 "status": "IN_PROGRESS", "progressPercent": 10}""".formatted(title, unitId("株洲市交通运输局"));
    }

    private static String etag(long task) {
        return given().get("/api/v1/tasks/{id}", task).then().statusCode(200).header("ETag", matchesPattern(TAG)).extract().header("ETag");
    }

    @Test
    void aReadCarriesAStrongTagAndAnUnchangedTaskIsNotSentAgain() {
        long task = aTask("带实体标签的任务");
        Response read = given().get("/api/v1/tasks/{id}", task);
        read.then().statusCode(200).header("ETag", matchesPattern(TAG));
        String tag = read.header("ETag");
        assertThat(tag).startsWith("\"" + read.jsonPath().getLong("version") + "-");

        given().header("If-None-Match", tag).get("/api/v1/tasks/{id}", task).then().statusCode(304)
                .header("ETag", tag).body(emptyString());
        given().header("If-None-Match", "\"0-0000000000000000\"").get("/api/v1/tasks/{id}", task).then().statusCode(200);
    }

    @Test
    void theTagFollowsWhatIsShownNotOnlyTheStoredVersion() {
        long parent = aTask("上级任务（派生进度）");
        long child = aTaskUnder(parent, "下级任务");
        String before = etag(parent);
        long version = given().get("/api/v1/tasks/{id}", parent).jsonPath().getLong("version");

        json().body("""
                {"status": "IN_PROGRESS", "progressPercent": 70, "note": "下级推进", "version": %d}"""
                .formatted(given().get("/api/v1/tasks/{id}", child).jsonPath().getLong("version")))
                .post("/api/v1/tasks/{id}/progress", child).then().statusCode(200);

        // The parent's derived progress moved, its own record did not: a cached copy is not "not modified".
        given().get("/api/v1/tasks/{id}", parent).then().body("version", equalTo((int) version));
        given().header("If-None-Match", before).get("/api/v1/tasks/{id}", parent).then().statusCode(200)
                .body("derivedProgressPercent", equalTo(70));
        // An edit guarded by the tag read earlier still goes through: the record itself is unchanged.
        json().header("If-Match", before).body(edit("上级任务（改名）")).put("/api/v1/tasks/{id}", parent).then().statusCode(200);
    }

    @Test
    void anEditWithoutIfMatchIsRefusedAndChangesNothing() {
        long task = aTask("没有前提条件的修改");
        String tag = etag(task);
        json().body(edit("不应写入")).put("/api/v1/tasks/{id}", task).then().statusCode(428).contentType(PROBLEM)
                .body("type", equalTo("https://duban.zhuzhou.gov.cn/problems/precondition-required"))
                .body("detail", matchesPattern("(?s).*If-Match.*"));
        assertThat(etag(task)).isEqualTo(tag);
    }

    @Test
    void anEditOnAnOldCopyIsRefusedWithTheCurrentTagAndAnEditOnTheCurrentOneGetsANewTag() {
        long task = aTask("乐观锁任务");
        String first = etag(task);
        Response edited = json().header("If-Match", first).body(edit("第一次修改")).put("/api/v1/tasks/{id}", task);
        edited.then().statusCode(200).header("ETag", matchesPattern(TAG)).body("title", equalTo("第一次修改"));
        String second = edited.header("ETag");
        assertThat(second).isNotEqualTo(first);
        assertThat(etag(task)).isEqualTo(second);

        Response stale = json().header("If-Match", first).body(edit("旧副本上的修改")).put("/api/v1/tasks/{id}", task);
        stale.then().statusCode(412).contentType(PROBLEM)
                .body("type", equalTo("https://duban.zhuzhou.gov.cn/problems/precondition-failed"))
                .body("currentEtag", equalTo(stale.header("ETag")));
        String current = stale.header("ETag");
        assertThat(second).startsWith(current.substring(0, current.length() - 1) + "-");
        given().get("/api/v1/tasks/{id}", task).then().body("title", equalTo("第一次修改"));

        // The tag the 412 named is enough to try again.
        json().header("If-Match", current).body(edit("重新读取后的修改")).put("/api/v1/tasks/{id}", task).then().statusCode(200)
                .body("title", equalTo("重新读取后的修改"));
    }

    @Test
    void ifMatchWinsOverADeprecatedVersionInTheBody() {
        long task = aTask("正文版本已弃用");
        String tag = etag(task);
        String body = edit("带旧版本号");
        String withOldVersion = body.substring(0, body.lastIndexOf('}')) + ", \"version\": 99}";
        json().header("If-Match", tag).body(withOldVersion).put("/api/v1/tasks/{id}", task).then().statusCode(200);
    }

    @Test
    void twoClientsEditingTheSameCopyAtOnceOneWinsTheOtherIsTold() throws Exception {
        long task = aTask("两人同时修改");
        String tag = etag(task);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (String title : List.of("甲的修改", "乙的修改")) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return json().header("If-Match", tag).body(edit(title)).put("/api/v1/tasks/{id}", task).statusCode();
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : answers) {
                statuses.add(f.get(60, TimeUnit.SECONDS));
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 412);
        } finally {
            pool.shutdownNow();
        }
    }
}
