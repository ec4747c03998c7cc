--liquibase formatted sql

--changeset duban:15-task-progress-as-of
-- The day a task's current progress describes (a month report: the month's last day; a direct report: its day), so a
-- report on an older month enters the history without overwriting a newer state. Empty for tasks not reported since:
-- their next report is taken as current.
alter table task add column progress_as_of date null;
