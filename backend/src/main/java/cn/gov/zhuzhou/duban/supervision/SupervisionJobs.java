package cn.gov.zhuzhou.duban.supervision;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** The nightly overdue sweep (Quartz, Asia/Shanghai; cron in duban.supervision.sweep-cron). */
@ApplicationScoped
class SupervisionJobs {

    private static final Logger LOG = Logger.getLogger(SupervisionJobs.class);
    private final SupervisionService supervision;

    SupervisionJobs(SupervisionService supervision) {
        this.supervision = supervision;
    }

    @Scheduled(identity = "supervision-overdue-sweep", cron = "{duban.supervision.sweep-cron}", timeZone = "Asia/Shanghai")
    void nightlySweep() {
        int opened = supervision.sweepOverdueItems();
        LOG.infof("overdue sweep opened %d supervision case(s)", opened);
    }
}
