package cn.gov.zhuzhou.duban.supervision;

import cn.gov.zhuzhou.duban.common.schedule.JobRuns;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** The nightly jobs (Quartz, clustered, Asia/Shanghai): the overdue sweep and the deadline reminders, each run recorded. */
@ApplicationScoped
class SupervisionJobs {

    private static final Logger LOG = Logger.getLogger(SupervisionJobs.class);
    private final SupervisionService supervision;
    private final cn.gov.zhuzhou.duban.notification.NotificationService notifications;
    private final JobRuns runs;

    SupervisionJobs(SupervisionService supervision, cn.gov.zhuzhou.duban.notification.NotificationService notifications, JobRuns runs) {
        this.supervision = supervision;
        this.notifications = notifications;
        this.runs = runs;
    }

    @Scheduled(identity = "deadline-reminders", cron = "{duban.supervision.reminder-cron}", timeZone = "Asia/Shanghai")
    void nightlyReminders() {
        LOG.info(runs.run("deadline-reminders", () -> "发送到期提醒 " + notifications.sendDueReminders() + " 条"));
    }

    @Scheduled(identity = "supervision-overdue-sweep", cron = "{duban.supervision.sweep-cron}", timeZone = "Asia/Shanghai")
    void nightlySweep() {
        LOG.info(runs.run("supervision-overdue-sweep", () -> "逾期事项新立督办案件 " + supervision.sweepOverdueItems() + " 件"));
    }
}
