--liquibase formatted sql

--changeset duban:18-task-weight-and-start
-- A sub-task's weight in its parent's rolled-up progress (null: equal weights), and the day the task starts (null:
-- its plan's period start), from which its expected progress (序时进度) runs.
alter table task add column weight int null, add column start_date date null;
alter table task add constraint ck_task_weight check (weight is null or weight > 0);

--changeset duban:18-milestone-planned-percent
-- The progress a task should have reached by a milestone's due date (计划进度), shaping its expected progress.
alter table task_milestone add column planned_percent int null;
alter table task_milestone add constraint ck_task_milestone_planned check (planned_percent is null or planned_percent between 0 and 100);

--changeset duban:18-task-progress-as-of
-- The day a progress report describes (a month report: the month's last day; a direct report: its day in Asia/Shanghai),
-- so a task's progress as it stood on any day is read back from its history. Older rows take the day they were made.
alter table task_progress add column as_of date null;
update task_progress set as_of = date(date_add(reported_at, interval 8 hour)) where as_of is null;
alter table task_progress modify as_of date not null;
create index ix_task_progress_reported on task_progress (reported_at, task_id);
