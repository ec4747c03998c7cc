package cn.gov.zhuzhou.duban.dispatch;

import cn.gov.zhuzhou.duban.common.schedule.JobRuns;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/** The dispatch schedule (Quartz, clustered: one instance runs it): the office's regular monthly session, each run recorded. */
@ApplicationScoped
class DispatchJobs {

    private static final Logger LOG = Logger.getLogger(DispatchJobs.class);
    private final RegularSessionPlanner planner;
    private final JobRuns runs;

    DispatchJobs(RegularSessionPlanner planner, JobRuns runs) {
        this.planner = planner;
        this.runs = runs;
    }

    @Scheduled(identity = "regular-office-session", cron = "{duban.dispatch.regular-session-cron}", timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void planRegularSession(ScheduledExecution execution) {
        planRegularSession(execution.getScheduledFireTime());
    }

    /** One run for the period scheduled at {@code scheduledFor} (recorded in job_run; null when started by hand). */
    void planRegularSession(Instant scheduledFor) {
        LOG.info(runs.run("regular-office-session", scheduledFor, () -> planner.planThisMonthIfDue().map(o -> o.created()
                ? "已安排 %s 例行调度会（调度会 %d）：未报月报单位 %d 个，议题问题 %d 个".formatted(o.session().regularMonth(),
                        o.session().id(), o.session().agendaUnits().size(), o.session().agendaProblemIds().size())
                : "%s 例行调度会已安排（调度会 %d），未重复安排".formatted(o.session().regularMonth(), o.session().id()))
                .orElse("月报5日截止，6日起安排本月例行调度会")));
    }
}
