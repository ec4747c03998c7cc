package cn.gov.zhuzhou.duban.supervision;

import cn.gov.zhuzhou.duban.common.schedule.JobRuns;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/** The nightly overdue sweep (Quartz, clustered, Asia/Shanghai), each run recorded. */
@ApplicationScoped
class SupervisionJobs {

    private static final Logger LOG = Logger.getLogger(SupervisionJobs.class);
    private final SupervisionService supervision;
    private final JobRuns runs;

    SupervisionJobs(SupervisionService supervision, JobRuns runs) {
        this.supervision = supervision;
        this.runs = runs;
    }

    @Scheduled(identity = "supervision-overdue-sweep", cron = "{duban.supervision.sweep-cron}", timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightlySweep(ScheduledExecution execution) {
        nightlySweep(execution.getScheduledFireTime());
    }

    /** One run for the period scheduled at {@code scheduledFor} (recorded in job_run; null when started by hand). */
    void nightlySweep(Instant scheduledFor) {
        LOG.info(runs.run("supervision-overdue-sweep", scheduledFor, () -> "逾期事项新立督办案件 " + supervision.sweepOverdueItems() + " 件"));
    }
}
