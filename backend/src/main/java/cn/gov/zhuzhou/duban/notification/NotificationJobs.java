package cn.gov.zhuzhou.duban.notification;

import cn.gov.zhuzhou.duban.common.schedule.JobRuns;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
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
    void nightlyReminders(ScheduledExecution execution) {
        nightlyReminders(execution.getScheduledFireTime());
    }

    /** One run for the period scheduled at {@code scheduledFor} (recorded in job_run; null when started by hand). */
    void nightlyReminders(Instant scheduledFor) {
        LOG.info(runs.run("deadline-reminders", scheduledFor, () -> "发送到期提醒 " + notifications.sendDueReminders() + " 条"));
    }
}
