--liquibase formatted sql

--changeset duban:37-task-responsible-unit-task-role-unit
-- A plan's tree reads which unit answers for which of the plan's tasks in what role (select task_id, unit_id, role
-- ... join task ... where plan_id = ?: 7 000 rows for a plan of 2 000 tasks at province scale). The unique key
-- (task_id, unit_id) finds the rows but not their role, so the server looked up every row in the table itself;
-- (task_id, role, unit_id) answers from the index alone (~10 → ~6 ms; deploy/bench-notes/session13.md, issue 11).
create index ix_tru_task_role_unit on task_responsible_unit (task_id, role, unit_id);
