package cn.gov.zhuzhou.duban.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.zhuzhou.duban.common.schedule.JobRuns;
import cn.gov.zhuzhou.duban.support.Api;
import cn.gov.zhuzhou.duban.support.Fixtures;
import cn.gov.zhuzhou.duban.support.TestClock;
import cn.gov.zhuzhou.duban.support.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.YearMonth;
import java.time.ZoneId;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
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

    @Inject
    EntityManager em;

    @Inject
    SessionFactory sessionFactory;

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
        jobs.planRegularSession(clock.instant());
        clock.set(month.atDay(6).atTime(1, 0));
        jobs.planRegularSession(clock.instant());
        clock.set(month.atDay(6).atTime(1, 0, 40)); // the next one fired 40 s late: it still answers for 01:00
        jobs.planRegularSession(month.atDay(6).atTime(1, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());

        JsonPath recorded = runsOf("regular-office-session");
        // Newest first: the repeat, the planning, the night before reports were due.
        assertThat(recorded.getString("items[0].summary")).isEqualTo("%s 例行调度会已安排（调度会 %d），未重复安排"
                .formatted(month, regularSessionOf(month)));
        assertThat(recorded.getString("items[1].summary")).startsWith("已安排 " + month + " 例行调度会（调度会 " + regularSessionOf(month) + "）");
        assertThat(recorded.getString("items[2].summary")).isEqualTo("月报5日截止，6日起安排本月例行调度会");
        assertThat(recorded.getList("items.outcome").subList(0, 3)).containsOnly("SUCCEEDED");
        assertThat(recorded.getString("items[0].instance")).contains("@");
        assertThat(recorded.getString("items[0].finishedAt")).isNotBlank();
        assertThat(recorded.getList("items.scheduledFor", String.class).subList(0, 3)).containsExactly(
                month + "-06T01:00:00+08:00", month + "-06T01:00:00+08:00", month + "-03T01:00:00+08:00");
        assertThat(recorded.getString("items[0].startedAt")).isEqualTo(month + "-06T01:00:40+08:00");
    }

    @Test
    void aFailingRunIsRecordedWithItsErrorAndTheErrorStillReachesTheScheduler() {
        assertThatThrownBy(() -> runs.run("test-failing-job", null, () -> {
            throw new IllegalStateException("未设置领导小组办公室主任职务");
        })).isInstanceOf(IllegalStateException.class);
        JsonPath recorded = runsOf("test-failing-job");
        assertThat(recorded.getString("items[0].outcome")).isEqualTo("FAILED");
        assertThat(recorded.getString("items[0].summary")).isEqualTo("未设置领导小组办公室主任职务");
        assertThat(recorded.getString("items[0].finishedAt")).isNotBlank();
        assertThat(recorded.getString("items[0].scheduledFor")).as("started by hand: no schedule").isNull();
    }

    @Test
    void aRunCutOffByADeadInstanceIsRecordedAsInterruptedAndTheNextRunDoesTheWork() {
        // What an instance killed in the middle of a run leaves behind: its start, committed, and nothing after.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "insert into job_run (job, instance, started_at, outcome) values ('test-crashed-job', '4711@dead-host', utc_timestamp(6), 'RUNNING')")
                .executeUpdate());
        JsonPath before = runsOf("test-crashed-job");
        assertThat(before.getString("items[0].outcome")).isEqualTo("RUNNING");
        long deadRun = before.getLong("items[0].id");

        runs.run("test-crashed-job", null, () -> "重新执行完成");

        JsonPath recorded = runsOf("test-crashed-job");
        assertThat(recorded.getList("items.outcome")).containsExactly("SUCCEEDED", "INTERRUPTED");
        assertThat(recorded.getLong("items[1].id")).isEqualTo(deadRun);
        assertThat(recorded.getString("items[1].summary"))
                .startsWith("运行中断：实例 4711@dead-host 在运行中停止")
                .endsWith("由实例 " + recorded.getString("items[0].instance") + " 的第 " + recorded.getLong("items[0].id") + " 次运行重新执行");
        assertThat(recorded.getString("items[1].finishedAt")).isNotBlank();
        assertThat(recorded.getString("items[0].summary")).isEqualTo("重新执行完成");

        // A finished run is history, never touched again.
        runs.run("test-crashed-job", null, () -> "再次执行");
        assertThat(runsOf("test-crashed-job").getList("items.outcome")).containsExactly("SUCCEEDED", "SUCCEEDED", "INTERRUPTED");
    }

    @Test
    void aRunWithNoneLeftRunningCostsFourStatementsAndReadsNoClusterState() {
        runs.run("test-quiet-job", null, () -> "首次执行");
        Statistics stats = sessionFactory.getStatistics();
        stats.clear();
        runs.run("test-quiet-job", null, () -> "再次执行");
        // its start (insert), the runs of the job left RUNNING (none), then its end (read, update); the cluster's members
        // (QRTZ_SCHEDULER_STATE) are read only when a run was left RUNNING, as in the test above
        assertThat(stats.getPrepareStatementCount()).isEqualTo(4);
        assertThat(runsOf("test-quiet-job").getList("items.outcome")).containsExactly("SUCCEEDED", "SUCCEEDED");
    }

    static long regularSessionOf(YearMonth month) {
        return Api.as(Tokens.office()).queryParam("regularMonth", month.toString()).get("/api/v1/sessions").then().statusCode(200)
                .extract().jsonPath().getLong("items[0].id");
    }
}
