package cn.gov.zhuzhou.duban.common.schedule;

import cn.gov.zhuzhou.duban.common.persistence.OutsideDataVersion;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** One run of a scheduled job: the instance that ran it, when, how it ended and what it did. */
@Entity
@OutsideDataVersion
public class JobRun {

    /**
     * RUNNING until it ends; FAILED keeps the error's message as the summary; INTERRUPTED: its instance stopped in the
     * middle (a crash, a kill, a shutdown that could not wait), found when the job next starts, which runs the work again.
     */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "JobOutcome")
    public enum Outcome {
        RUNNING,
        SUCCEEDED,
        FAILED,
        INTERRUPTED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String job;
    private String instance;
    /** The Quartz cluster member that ran it (QRTZ_SCHEDULER_STATE.INSTANCE_NAME); null where no scheduler runs (tests). */
    private String schedulerInstance;
    /** Quartz's scheduled fire time: the period the run answers for, however late it started; null when started by hand. */
    private Instant scheduledFor;
    private Instant startedAt;
    private Instant finishedAt;
    @Enumerated(EnumType.STRING)
    private Outcome outcome = Outcome.RUNNING;
    private String summary;

    protected JobRun() {
    }

    JobRun(String job, String instance, String schedulerInstance, Instant scheduledFor, Instant startedAt) {
        this.job = job;
        this.instance = instance;
        this.schedulerInstance = schedulerInstance;
        this.scheduledFor = scheduledFor;
        this.startedAt = startedAt;
    }

    void end(Outcome outcome, String summary, Instant at) {
        this.outcome = outcome;
        this.summary = summary == null || summary.length() <= 2000 ? summary : summary.substring(0, 2000);
        this.finishedAt = at;
    }

    public Long getId() {
        return id;
    }

    public String getJob() {
        return job;
    }

    public String getInstance() {
        return instance;
    }

    public String getSchedulerInstance() {
        return schedulerInstance;
    }

    public Instant getScheduledFor() {
        return scheduledFor;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public String getSummary() {
        return summary;
    }
}
