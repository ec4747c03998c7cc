package cn.gov.zhuzhou.duban.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.zhuzhou.duban.common.schedule.JobRuns;
import cn.gov.zhuzhou.duban.support.Api;
import cn.gov.zhuzhou.duban.support.Fixtures;
import cn.gov.zhuzhou.duban.support.TestClock;
import cn.gov.zhuzhou.duban.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.YearMonth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every run of a scheduled job is on record for the office: which instance, when, how it ended, what it did. */
@QuarkusTest
class JobRunsTest {

    @Inject
    TestClock clock;

    @Inject
    DispatchJobs jobs;

    @Inject
    JobRuns runs;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    static JsonPath runsOf(String job) {
        return Api.as(Tokens.office()).queryParam("job", job).get("/api/v1/job-runs").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theMonthlyJobsRunsSayWhatTheyDid() {
        YearMonth month = YearMonth.parse(Fixtures.freshMonth());
        clock.set(month.atDay(3).atTime(1, 0));
        jobs.planRegularSession();
        clock.set(month.atDay(6).atTime(1, 0));
        jobs.planRegularSession();
        jobs.planRegularSession();

        JsonPath recorded = runsOf("regular-office-session");
        // Newest first: the repeat, the planning, the night before reports were due.
        assertThat(recorded.getString("items[0].summary")).isEqualTo("%s 例行调度会已安排（调度会 %d），未重复安排"
                .formatted(month, regularSessionOf(month)));
        assertThat(recorded.getString("items[1].summary")).startsWith("已安排 " + month + " 例行调度会（调度会 " + regularSessionOf(month) + "）");
        assertThat(recorded.getString("items[2].summary")).isEqualTo("月报5日截止，6日起安排本月例行调度会");
        assertThat(recorded.getList("items.outcome").subList(0, 3)).containsOnly("SUCCEEDED");
        assertThat(recorded.getString("items[0].instance")).contains("@");
        assertThat(recorded.getString("items[0].finishedAt")).isNotBlank();
    }

    @Test
    void aFailingRunIsRecordedWithItsErrorAndTheErrorStillReachesTheScheduler() {
        assertThatThrownBy(() -> runs.run("test-failing-job", () -> {
            throw new IllegalStateException("未设置领导小组办公室主任职务");
        })).isInstanceOf(IllegalStateException.class);
        JsonPath recorded = runsOf("test-failing-job");
        assertThat(recorded.getString("items[0].outcome")).isEqualTo("FAILED");
        assertThat(recorded.getString("items[0].summary")).isEqualTo("未设置领导小组办公室主任职务");
        assertThat(recorded.getString("items[0].finishedAt")).isNotBlank();
    }

    static long regularSessionOf(YearMonth month) {
        return Api.as(Tokens.office()).queryParam("regularMonth", month.toString()).get("/api/v1/sessions").then().statusCode(200)
                .extract().jsonPath().getLong("items[0].id");
    }
}
