package cn.gov.zhuzhou.duban.common.schedule;

import cn.gov.zhuzhou.duban.common.audit.AuditView;
import cn.gov.zhuzhou.duban.common.paging.Page;
import cn.gov.zhuzhou.duban.common.paging.PageQuery;
import cn.gov.zhuzhou.duban.common.persistence.ReadOnlyTransaction;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

/**
 * Keeps a record of every scheduled job's runs, so the office sees that the nightly and monthly work happened, on which
 * instance of the cluster, and what it did or why it failed — not only the log of one machine.
 */
@ApplicationScoped
public class JobRuns implements PanacheRepository<JobRun> {

    private static final Logger LOG = Logger.getLogger(JobRuns.class);
    /** This process, as "pid@host". */
    static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName();
    /** Micrometer name of the job timer; Prometheus: duban_job_runs_seconds_count / _sum / _max. */
    public static final String TIMER = "duban.job.runs";
    /** MDC key naming the job on every log line of its run. */
    public static final String MDC_JOB = "job";
    private final Clock clock;
    private final MeterRegistry registry;

    private final String schedulerName;
    private volatile String schedulerInstance;

    private final Instance<Scheduler> quartz;

    JobRuns(Clock clock, MeterRegistry registry,
            @ConfigProperty(name = "quarkus.quartz.instance-name", defaultValue = "QuarkusQuartzScheduler") String schedulerName,
            Instance<Scheduler> quartz) {
        this.clock = clock;
        this.registry = registry;
        this.schedulerName = schedulerName;
        this.quartz = quartz;
    }

    /** This process's member id in the Quartz cluster, or null where the scheduler does not run (the fast suite). */
    private String schedulerInstance() {
        if (schedulerInstance == null) {
            try {
                if (quartz.isResolvable()) {
                    schedulerInstance = quartz.get().getSchedulerInstanceId();
                }
            } catch (RuntimeException | SchedulerException e) {
                LOG.debug("no Quartz scheduler to name", e);
            }
        }
        return schedulerInstance;
    }

    @Schema(name = "JobRunView", requiredProperties = {"id", "job", "instance", "startedAt", "outcome"},
            description = "One run of a scheduled job.")
    public record View(@Schema(example = "41") Long id, @Schema(example = "regular-office-session") String job,
            @Schema(example = "2817@duban-app-1") String instance,
            @Schema(example = "2026-12-06T01:00:00+08:00", description = "The time the run was scheduled for (the period it answers "
                    + "for, however late it started; a run redone after its instance died keeps the time of the run it redoes); "
                    + "absent for work started by hand.") OffsetDateTime scheduledFor,
            @Schema(example = "2026-12-06T01:00:00+08:00") OffsetDateTime startedAt,
            @Schema(example = "2026-12-06T01:00:02+08:00") OffsetDateTime finishedAt, @Schema(example = "SUCCEEDED") JobRun.Outcome outcome,
            @Schema(example = "已安排 2026-12 例行调度会（调度会 12）：未报月报单位 3 个，议题问题 5 个")
            String summary) {

        static View of(JobRun r) {
            return new View(r.getId(), r.getJob(), r.getInstance(), zoned(r.getScheduledFor()), zoned(r.getStartedAt()),
                    zoned(r.getFinishedAt()), r.getOutcome(), r.getSummary());
        }

        private static OffsetDateTime zoned(Instant at) {
            return at == null ? null : at.atZone(AuditView.ZONE).toOffsetDateTime();
        }
    }

    /**
     * Runs {@code work} as a recorded run of {@code job}: the start is committed first (a run that dies leaves RUNNING
     * behind), then the outcome with the work's summary, or FAILED with the error, which is rethrown.
     * <p>
     * A run of the same job still RUNNING whose Quartz cluster member is no longer in the cluster (its check-ins stopped
     * and a live member recovered its work: Quartz re-fires a job cut off that way, as every Quarkus job requests
     * recovery and runs on the Quartz thread) is recorded as INTERRUPTED, naming the run that does the work again.
     *
     * @param scheduledFor the scheduled fire time ({@code ScheduledExecution.getScheduledFireTime()}): the period the run
     *        answers for; null for work started by hand
     */
    public String run(String job, Instant scheduledFor, Supplier<String> work) {
        // Both outcomes' series exist from the first run on (at 0), so an alert on the increase of FAILED sees the first one.
        Timer succeeded = timer(job, JobRun.Outcome.SUCCEEDED);
        Timer failed = timer(job, JobRun.Outcome.FAILED);
        MDC.put(MDC_JOB, job);
        Timer.Sample sample = Timer.start(registry);
        try {
            long id = QuarkusTransaction.requiringNew().call(() -> {
                JobRun run = new JobRun(job, INSTANCE, schedulerInstance(), scheduledFor, clock.instant());
                persist(run);
                markInterrupted(job, run);
                return run.getId();
            });
            try {
                String summary = work.get();
                end(id, JobRun.Outcome.SUCCEEDED, summary);
                sample.stop(succeeded);
                return summary;
            } catch (RuntimeException e) {
                LOG.errorf(e, "job %s failed", job);
                end(id, JobRun.Outcome.FAILED, e.getMessage() == null ? e.getClass().getName() : e.getMessage());
                throw e;
            }
        } catch (RuntimeException e) {
            sample.stop(failed);
            throw e;
        } finally {
            MDC.remove(MDC_JOB);
        }
    }

    /**
     * Records as INTERRUPTED the runs of {@code job} left RUNNING by a member that is no longer in the Quartz cluster.
     * The members are read from Quartz's own cluster table, and only when some run is left RUNNING (rarely: a crash):
     * Quartz's API names no cluster members (Scheduler and its metadata know this instance only; the cluster check-in
     * that reads the table is internal to its job store), and a usual start then costs no statement for it.
     */
    private void markInterrupted(String job, JobRun run) {
        List<JobRun> running = list("job = ?1 and outcome = ?2 and id <> ?3", job, JobRun.Outcome.RUNNING, run.getId());
        if (running.isEmpty()) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<String> live = getEntityManager().createNativeQuery("select INSTANCE_NAME from QRTZ_SCHEDULER_STATE where SCHED_NAME = ?1")
                .setParameter(1, schedulerName).getResultList();
        for (JobRun stale : running) {
            if (stale.getSchedulerInstance() != null && live.contains(stale.getSchedulerInstance())) {
                continue; // still a member of the cluster: that run may well be going on
            }
            stale.end(JobRun.Outcome.INTERRUPTED, "运行中断：实例 %s 在运行中停止（崩溃、被强制结束或关闭时未能等完），由实例 %s 的第 %d 次运行重新执行"
                    .formatted(stale.getInstance(), INSTANCE, run.getId()), run.getStartedAt());
            LOG.warnf("job %s: run %d on %s was interrupted; run %d does the work again", job, stale.getId(), stale.getInstance(), run.getId());
        }
    }

    /**
     * duban_job_runs_seconds by job_name and outcome: how many runs of a job ended so on this instance, and how long they
     * took. The tag is not "job": Prometheus keeps that label for the scrape job.
     */
    private Timer timer(String job, JobRun.Outcome outcome) {
        return Timer.builder(TIMER).description("Runs of the scheduled jobs on this instance, by job and outcome")
                .tag("job_name", job).tag("outcome", outcome.name()).register(registry);
    }

    private void end(long id, JobRun.Outcome outcome, String summary) {
        QuarkusTransaction.requiringNew().run(() -> findById(id).end(outcome, summary, clock.instant()));
    }

    @ReadOnlyTransaction
    public Page<View> search(String job, PageQuery page) {
        var query = job == null ? findAll(Sort.by("startedAt").descending().and("id", Sort.Direction.Descending))
                : find("job", Sort.by("startedAt").descending().and("id", Sort.Direction.Descending), job);
        List<View> items = query.range(page.offset(), page.lastIndex()).list().stream().map(View::of).toList();
        return Page.of(items, page, job == null ? count() : count("job", job));
    }
}
