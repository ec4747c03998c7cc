--liquibase formatted sql

--changeset duban:38-task-milestone-task-planned-due
-- A plan's tree and every plan's dashboard read the planned points of the plan's tasks (select task_id, due_date,
-- planned_percent ... where planned_percent is not null and due_date is not null, by task): the key on task_id found a
-- task's milestones, then the server read each one from the table to see whether it had a planned percent, 4 000
-- lookups for a plan of 2 000 tasks that had none. (task_id, planned_percent, due_date) answers from the index alone
-- (deploy/bench-notes/session14.md, issue 11).
create index ix_milestone_task_planned on task_milestone (task_id, planned_percent, due_date);
