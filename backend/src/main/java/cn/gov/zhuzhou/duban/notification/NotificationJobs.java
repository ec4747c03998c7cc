package cn.gov.zhuzhou.duban.notification;

import cn.gov.zhuzhou.duban.common.schedule.JobRuns;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** The nightly deadline reminders (Quartz, clustered, Asia/Shanghai), each run recorded. */
@ApplicationScoped
class NotificationJobs {

    private static final Logger LOG = Logger.getLogger(NotificationJobs.class);
    private final NotificationService notifications;
    private final JobRuns runs;

    NotificationJobs(NotificationService notifications, JobRuns runs) {
        this.notifications = notifications;
        this.runs = runs;
    }

    @Scheduled(identity = "deadline-reminders", cron = "{duban.supervision.reminder-cron}", timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightlyReminders() {
        LOG.info(runs.run("deadline-reminders", () -> "发送到期提醒 " + notifications.sendDueReminders() + " 条"));
    }
}
