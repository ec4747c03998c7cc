--liquibase formatted sql

--changeset duban:22-problem-status-id-index
-- The problem list pages newest first (order by id desc), most often by status (`/problems?status=CLASSIFIED`).
-- (status, coordination_level) hands a status' rows over by level, so the server sorted every match to keep one page
-- (CLOSED at province scale: 5 000 entries and a filesort); (status, id) reads the page's 100 entries in order. The
-- page's ids come first, then their rows (ProblemRepository.search).
create index ix_problem_status_id on problem (status, id);

--changeset duban:22-notification-date-indexes
-- The office's notification list (no unit) is newest first (on_date desc, id desc), optionally of one kind: without
-- an index on the day the server read and sorted all 60 000 rows for each page (~160 ms); with these, one page of
-- entries. A unit's list keeps ix_notification_unit (unit_id, on_date).
create index ix_notification_on_date on notification (on_date);
create index ix_notification_kind_date on notification (kind, on_date);
