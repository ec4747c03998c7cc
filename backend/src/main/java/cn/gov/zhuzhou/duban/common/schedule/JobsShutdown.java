package cn.gov.zhuzhou.duban.common.schedule;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

/**
 * On shutdown, before the database layer closes: the scheduler stops firing (standby) and the jobs running here finish,
 * up to {@code quarkus.quartz.shutdown-wait-time}, so a run ends recorded (SUCCEEDED or FAILED), not cut in half. The
 * extension's own wait comes after Hibernate has closed, too late for a job that still writes. A job still running
 * after the wait is cut off with the process: Quartz re-fires it on another member, and job_run records it INTERRUPTED.
 */
@ApplicationScoped
class JobsShutdown {

    private static final Logger LOG = Logger.getLogger(JobsShutdown.class);
    private final Instance<Scheduler> quartz;
    private final Duration wait;

    JobsShutdown(Instance<Scheduler> quartz, @ConfigProperty(name = "quarkus.quartz.shutdown-wait-time", defaultValue = "10S") Duration wait) {
        this.quartz = quartz;
        this.wait = wait;
    }

    void finishRunningJobs(@Observes ShutdownEvent shutdown) {
        Scheduler scheduler;
        try {
            if (!quartz.isResolvable()) {
                return;
            }
            scheduler = quartz.get();
            if (!scheduler.isStarted() || scheduler.isShutdown()) {
                return;
            }
            scheduler.standby();
        } catch (RuntimeException | SchedulerException e) {
            LOG.debug("no scheduler to stop", e);
            return;
        }
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            int running = scheduler.getCurrentlyExecutingJobs().size();
            if (running > 0) {
                LOG.infof("shutting down: waiting up to %s for %d running job(s)", wait, running);
            }
            while ((running = scheduler.getCurrentlyExecutingJobs().size()) > 0) {
                if (System.nanoTime() > deadline) {
                    LOG.warnf("%d job(s) still running after %s: cut off with the process; another instance runs them again", running, wait);
                    return;
                }
                Thread.sleep(250);
            }
        } catch (SchedulerException e) {
            LOG.warn("could not list the running jobs", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
