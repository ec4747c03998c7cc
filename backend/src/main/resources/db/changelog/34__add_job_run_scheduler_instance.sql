--liquibase formatted sql

--changeset duban:34-job-run-scheduler-instance
-- The Quartz cluster member that ran a job (QRTZ_SCHEDULER_STATE.INSTANCE_NAME): a run left RUNNING by a member that
-- is no longer in the cluster was cut off, and is recorded INTERRUPTED when the job runs again (common/schedule/JobRuns).
alter table job_run add column scheduler_instance varchar(200);
