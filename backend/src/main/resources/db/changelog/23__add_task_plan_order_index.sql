--liquibase formatted sql

--changeset duban:23-task-plan-order-index
-- A plan's tasks in document order: the task list's default page (`/tasks?planId=&size=100`) and the plan tree both
-- read `where plan_id = ? order by sort_order, id`. Without it MariaDB finds the plan's rows by uk_task_code and
-- sorts them all (province data set, 2 000 tasks a plan: the page ~10 ms, the tree's rows ~26 ms, both filesorts);
-- with it the rows come in index order and the page stops after 100 (~0.3 ms; the tree's rows ~8 ms).
create index ix_task_plan_order on task (plan_id, sort_order, id);
