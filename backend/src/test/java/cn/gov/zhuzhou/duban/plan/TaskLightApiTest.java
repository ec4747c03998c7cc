package cn.gov.zhuzhou.duban.plan;

import static cn.gov.zhuzhou.duban.support.Api.aTask;
import static cn.gov.zhuzhou.duban.support.Api.given;
import static cn.gov.zhuzhou.duban.support.Api.json;
import static cn.gov.zhuzhou.duban.support.Api.scratchPlanId;
import static cn.gov.zhuzhou.duban.support.Api.task;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.zhuzhou.duban.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A task's light through the API: the scratch plan runs from 1 Jan 2026, the task is due 31 Dec 2026, so on 2 Jul
 * half the time is gone and 50 % is expected (序时进度).
 */
@QuarkusTest
class TaskLightApiTest {

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

    @Test
    void aTaskBehindItsExpectedProgressIsYellowThenRedOnceOverdueThenDone() {
        clock.set(LocalDateTime.of(2026, 7, 2, 10, 0));
        long id = aTask("序时进度任务");
        json().body("""
                {"status": "IN_PROGRESS", "progressPercent": 30, "note": "完成前期工作", "version": %d}"""
                .formatted(task(id).getLong("version"))).post("/api/v1/tasks/{id}/progress", id).then().statusCode(200)
                .body("light.color", equalTo("YELLOW"));

        given().get("/api/v1/tasks/{id}", id).then().statusCode(200)
                .body("light.color", equalTo("YELLOW"))
                .body("light.expectedPercent", equalTo(50))
                .body("light.reportedPercent", equalTo(30))
                .body("light.daysToDeadline", equalTo(182))
                .body("light.reason", equalTo("落后序时进度20个百分点"));
        given().get("/api/v1/plans/{id}/tree", scratchPlanId()).then().statusCode(200)
                .body("tasks.find { it.id == %d }.light.color".formatted(id), equalTo("YELLOW"))
                .body("tasks.find { it.id == %d }.light.expectedPercent".formatted(id), equalTo(50));
        given().queryParam("planId", scratchPlanId()).queryParam("size", 200).get("/api/v1/tasks").then().statusCode(200)
                .body("items.find { it.id == %d }.light.reason".formatted(id), equalTo("落后序时进度20个百分点"));

        clock.set(LocalDateTime.of(2027, 1, 2, 10, 0));
        given().get("/api/v1/tasks/{id}", id).then().statusCode(200)
                .body("light.color", equalTo("RED"))
                .body("light.expectedPercent", equalTo(100))
                .body("light.daysToDeadline", equalTo(-2))
                .body("light.reason", equalTo("已逾期2天"));

        json().body("""
                {"status": "COMPLETED", "progressPercent": 100, "version": %d}"""
                .formatted(task(id).getLong("version"))).post("/api/v1/tasks/{id}/progress", id).then().statusCode(200)
                .body("light.color", equalTo("DONE"))
                .body("light.reason", equalTo("已完成"));
    }
}
