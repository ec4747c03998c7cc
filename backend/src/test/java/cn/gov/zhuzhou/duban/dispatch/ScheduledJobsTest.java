package cn.gov.zhuzhou.duban.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.zhuzhou.duban.support.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The schedules run from Quartz's JDBC job store, clustered: the triggers live in the database every instance shares,
 * each instance checks in there, and a job fired from the store does its work (here: the regular monthly session, once).
 * The one suite that starts the scheduler; the rest of the run calls the jobs' services directly.
 */
@QuarkusTest
@TestProfile(ScheduledJobsTest.SchedulerOn.class)
class ScheduledJobsTest {

    /** The scheduler on; the monthly planning fires every second, the nightly jobs never during the test. */
    public static class SchedulerOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.scheduler.enabled", "true",
                    "duban.dispatch.regular-session-cron", "* * * * * ?",
                    "duban.supervision.sweep-cron", "0 0 1 1 1 ? 2099",
                    "duban.supervision.reminder-cron", "0 0 1 1 1 ? 2099");
        }
    }

    @Inject
    org.quartz.Scheduler quartz;

    @Inject
    TestClock clock;

    @Inject
    EntityManager db;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> rows(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> db.createNativeQuery(sql).getResultList());
    }

    private long regularSessionsOf(YearMonth month) {
        return RegularSessionTest.regularSessionsOf(db, month);
    }

    @Test
    void theJobsLiveInTheSharedDatabaseAndRunOnceFromThere() throws Exception {
        assertThat(quartz.getMetaData().isJobStoreClustered()).isTrue();
        assertThat(quartz.getMetaData().isJobStoreSupportsPersistence()).isTrue();
        assertThat(quartz.getSchedulerName()).isEqualTo("duban");

        List<String> triggers = rows("select TRIGGER_NAME from QRTZ_TRIGGERS where SCHED_NAME = 'duban'");
        assertThat(triggers).anySatisfy(t -> assertThat(t).startsWith("regular-office-session"))
                .anySatisfy(t -> assertThat(t).startsWith("supervision-overdue-sweep"))
                .anySatisfy(t -> assertThat(t).startsWith("deadline-reminders"));
        List<String> crons = rows("select CRON_EXPRESSION from QRTZ_CRON_TRIGGERS where SCHED_NAME = 'duban'");
        assertThat(crons).contains("* * * * * ?", "0 0 1 1 1 ? 2099");
        List<String> instances = rows("select INSTANCE_NAME from QRTZ_SCHEDULER_STATE where SCHED_NAME = 'duban'");
        assertThat(instances).hasSize(1);

        // The 7th of a month long past: the next firing plans that month's regular session; later firings add none.
        YearMonth month = YearMonth.of(2008, 3);
        clock.set(LocalDateTime.of(2008, 3, 7, 1, 0));
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (regularSessionsOf(month) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(regularSessionsOf(month)).as("the scheduled job planned the month's session").isEqualTo(1);
        long fired = firedSoFar();
        while (firedSoFar() < fired + 2_000 && System.nanoTime() < deadline + java.util.concurrent.TimeUnit.SECONDS.toNanos(10)) {
            Thread.sleep(200);
        }
        assertThat(firedSoFar()).as("the job kept firing").isGreaterThanOrEqualTo(fired + 2_000);
        assertThat(regularSessionsOf(month)).isEqualTo(1);

        // Each firing is on record: one planned the session, the later ones found it planned. A firing advances the
        // trigger before its run ends (and a firing during a run is skipped), so wait for a later run to be recorded.
        String recorded = "select summary from job_run where job = 'regular-office-session' and outcome = 'SUCCEEDED' "
                + "and summary like '%2008-03%' order by id";
        List<String> summaries = rows(recorded);
        while (summaries.size() < 2 && System.nanoTime() < deadline + java.util.concurrent.TimeUnit.SECONDS.toNanos(20)) {
            Thread.sleep(200);
            summaries = rows(recorded);
        }
        assertThat(summaries.get(0)).startsWith("已安排 2008-03 例行调度会");
        assertThat(summaries.subList(1, summaries.size())).isNotEmpty().allMatch(s -> s.endsWith("未重复安排"));
    }

    /** When the monthly planning last fired (epoch millis), as the job store records it. */
    private long firedSoFar() {
        List<Number> times = rows("select PREV_FIRE_TIME from QRTZ_TRIGGERS where SCHED_NAME = 'duban' "
                + "and TRIGGER_NAME like 'regular-office-session%'");
        return times.isEmpty() || times.get(0) == null ? 0 : times.get(0).longValue();
    }
}
