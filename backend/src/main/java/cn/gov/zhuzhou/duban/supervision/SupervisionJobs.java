package cn.gov.zhuzhou.duban.supervision;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** The nightly jobs (Quartz, Asia/Shanghai): the overdue sweep and the deadline reminders. */
@ApplicationScoped
class SupervisionJobs {

    private static final Logger LOG = Logger.getLogger(SupervisionJobs.class);
    private final SupervisionService supervision;
    private final cn.gov.zhuzhou.duban.dispatch.NotificationService notifications;

    SupervisionJobs(SupervisionService supervision, cn.gov.zhuzhou.duban.dispatch.NotificationService notifications) {
        this.supervision = supervision;
        this.notifications = notifications;
    }

    @Scheduled(identity = "deadline-reminders", cron = "{duban.supervision.reminder-cron}", timeZone = "Asia/Shanghai")
    void nightlyReminders() {
        LOG.infof("sent %d deadline reminder(s)", notifications.sendDueReminders());
    }

    @Scheduled(identity = "supervision-overdue-sweep", cron = "{duban.supervision.sweep-cron}", timeZone = "Asia/Shanghai")
    void nightlySweep() {
        int opened = supervision.sweepOverdueItems();
        LOG.infof("overdue sweep opened %d supervision case(s)", opened);
    }
}
