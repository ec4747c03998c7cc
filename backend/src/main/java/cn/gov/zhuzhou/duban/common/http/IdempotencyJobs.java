package cn.gov.zhuzhou.duban.common.http;

import cn.gov.zhuzhou.duban.common.schedule.JobRuns;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/** Purges the expired idempotency keys every hour (Quartz, clustered: one instance at a time), each run recorded. */
@ApplicationScoped
public class IdempotencyJobs {

    public static final String JOB = "idempotency-key-purge";
    private static final Logger LOG = Logger.getLogger(IdempotencyJobs.class);
    private final IdempotencyStore store;
    private final JobRuns runs;

    IdempotencyJobs(IdempotencyStore store, JobRuns runs) {
        this.store = store;
        this.runs = runs;
    }

    @Scheduled(identity = JOB, cron = "{duban.http.idempotency.purge-cron}", timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeExpiredKeys(ScheduledExecution execution) {
        purgeExpiredKeys(execution.getScheduledFireTime());
    }

    /** One run for the period scheduled at {@code scheduledFor} (recorded in job_run; null when started by hand). */
    public void purgeExpiredKeys(Instant scheduledFor) {
        LOG.info(runs.run(JOB, scheduledFor, () -> "清理过期幂等键 " + store.purgeExpired() + " 个"));
    }
}
