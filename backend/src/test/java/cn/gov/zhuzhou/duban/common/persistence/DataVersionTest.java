package cn.gov.zhuzhou.duban.common.persistence;

import static cn.gov.zhuzhou.duban.support.Api.json;
import static cn.gov.zhuzhou.duban.support.Api.unique;
import static cn.gov.zhuzhou.duban.support.Api.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.zhuzhou.duban.common.schedule.JobRuns;
import cn.gov.zhuzhou.duban.plan.Plan;
import cn.gov.zhuzhou.duban.support.Api;
import cn.gov.zhuzhou.duban.support.Elsewhere;
import cn.gov.zhuzhou.duban.support.Fixtures;
import cn.gov.zhuzhou.duban.support.LogCapture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The records' version moves once for every committed transaction that writes a record, and for nothing else: what the
 * kept answers of the heavy pages (common/admission/CachedRead) rely on to be as new as the records.
 */
@QuarkusTest
class DataVersionTest {

    @Inject
    DataVersion version;
    @Inject
    JobRuns jobRuns;
    @Inject
    EntityManager em;

    @Test
    void aCommittedWriteMovesTheVersionOnceWhateverItWrote() {
        Api.scratchPlanId();
        long before = version.current();
        // one request, one transaction: a task and its responsible unit, the task's first progress and its history
        Api.aTask("版本号测试");
        assertThat(version.current()).isEqualTo(before + 1).isEqualTo(Elsewhere.version());
        json().body("""
                {"code": "%s", "title": "版本号测试方案", "periodStart": "2026-01-01", "periodEnd": "2026-12-31"}"""
                .formatted(unique("VER-"))).post("/api/v1/plans").then().statusCode(201);
        assertThat(version.current()).isEqualTo(before + 2);
        // a change to a loaded record, written only by the flush at the commit: a unit renamed
        long unit = json().body("""
                {"code": "%s", "name": "株洲市版本号测试局", "kind": "DEPARTMENT", "cityCode": "ZZ"}""".formatted(unique("ZZ-VER")))
                .post("/api/v1/units").then().statusCode(201).extract().jsonPath().getLong("id");
        assertThat(version.current()).isEqualTo(before + 3);
        String path = "/api/v1/units/" + unit;
        json().body("{\"name\": \"株洲市版本号改名局\", \"kind\": \"DEPARTMENT\"}").header("If-Match", Fixtures.etag(path))
                .put(path).then().statusCode(200);
        assertThat(version.current()).isEqualTo(before + 4);
    }

    @Test
    void readsRefusedWritesAndFailedWritesLeaveItWhereItWas() {
        long task = Api.aTask("版本号不动");
        long before = version.current();
        given().get("/api/v1/tasks/{id}", task).then().statusCode(200);
        given().get("/api/v1/dashboard").then().statusCode(200);
        // refused before anything is written: a blank title
        json().body("""
                {"planId": %d, "code": "%s", "kind": "NEAR_TERM", "title": "", "deadline": "2026-12-31"}"""
                .formatted(Api.scratchPlanId(), unique("T"))).post("/api/v1/tasks").then().statusCode(400);
        assertThat(version.current()).isEqualTo(before);
        // written and flushed (the bump with it), then rolled back: the number goes back with the change
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            Plan plan = new Plan(unique("VER-"));
            plan.describe("回滚的方案", null, null, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), null);
            em.persist(plan);
            em.flush();
            throw new IllegalStateException("a failure after the write");
        })).hasMessageContaining("a failure after the write");
        assertThat(version.current()).isEqualTo(before);
    }

    @Test
    void aWritingTransactionLeavesNoConnectionForThePoolToCloseAtTheCommit() {
        // the bump runs after Hibernate has given its connection back; the pool warns of a connection still open at
        // the commit ("Closing open connection(s) prior to commit"), which would fill the log at every write
        try (LogCapture pool = LogCapture.of("io.agroal")) {
            long before = version.current();
            long task = Api.aTask("连接归还");
            given().get("/api/v1/tasks/{id}", task).then().statusCode(200);
            assertThat(version.current()).as("the write committed with its bump").isEqualTo(before + 1);
            assertThat(pool.messages()).noneMatch(m -> m.contains("prior to commit"));
        }
    }

    @Test
    void bookkeepingNoPageReadsLeavesItWhereItWas() {
        long before = version.current();
        // a scheduled job's run is recorded (inserted, then ended) and did nothing else
        jobRuns.run("data-version-test", null, () -> "无事可做");
        assertThat(version.current()).isEqualTo(before);
    }
}
