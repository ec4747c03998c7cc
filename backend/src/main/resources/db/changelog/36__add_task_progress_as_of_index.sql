--liquibase formatted sql

--changeset duban:36-task-progress-as-of-index
-- The figure in force for each task at a day's end (plan/TaskStandings: the dashboard's lights, the light filter,
-- bulletins) is the task's history row reported by then that describes the latest day. With (task_id, as_of,
-- reported_at) that row is one index dive per task, read backwards; before, a window function numbered every history
-- row of the plan (issue 11: a plan's dashboard spent ~230 ms of the database's time there at 63 000 rows, ~25 ms now).
create index ix_task_progress_task_as_of on task_progress (task_id, as_of, reported_at);
