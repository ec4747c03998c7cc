--liquibase formatted sql

--changeset duban:24-task-responsible-unit-unit-role
-- The month's standings ask which units lead or are main responsible units somewhere
-- (select distinct unit_id ... where role in ('LEAD', 'MAIN')). With only (unit_id) the server read every row of the
-- table to check its role (70 000 row lookups at province scale, ~110 ms); (unit_id, role) answers from the index alone
-- (~25 ms). See make bench's report (issue 11).
create index ix_tru_unit_role on task_responsible_unit (unit_id, role);
