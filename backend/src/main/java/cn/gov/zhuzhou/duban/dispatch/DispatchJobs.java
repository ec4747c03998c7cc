package cn.gov.zhuzhou.duban.dispatch;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** The dispatch schedule (Quartz, clustered: one instance runs it): the office's regular monthly session. */
@ApplicationScoped
class DispatchJobs {

    private static final Logger LOG = Logger.getLogger(DispatchJobs.class);
    private final RegularSessionPlanner planner;

    DispatchJobs(RegularSessionPlanner planner) {
        this.planner = planner;
    }

    @Scheduled(identity = "regular-office-session", cron = "{duban.dispatch.regular-session-cron}", timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void planRegularSession() {
        planner.planThisMonthIfDue().filter(RegularSessionPlanner.Outcome::created).ifPresent(o -> LOG.infof(
                "planned the regular office session %d for %s: %d unreported unit(s), %d problem(s) on the agenda",
                o.session().id(), o.session().regularMonth(), o.session().agendaUnits().size(), o.session().agendaProblemIds().size()));
    }
}
