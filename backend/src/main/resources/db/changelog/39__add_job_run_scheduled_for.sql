--liquibase formatted sql

--changeset duban:39-job-run-scheduled-for
-- The time a run was scheduled for (Quartz's scheduled fire time), beside when it started: a run fired late (the
-- instance busy starting, or a takeover) starts in the next period but still answers for its own, and a run Quartz
-- re-fires after its instance died carries the scheduled time of the run it does again. Null for work started by hand.
alter table job_run add column scheduled_for datetime(6);
