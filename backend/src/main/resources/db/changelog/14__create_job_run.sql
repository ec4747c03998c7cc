--liquibase formatted sql

--changeset duban:14-job-run
-- Every run of a scheduled job (or of the same work started by hand): which instance, when, how it ended, what it did.
create table job_run (
    id          bigint        not null auto_increment primary key,
    job         varchar(64)   not null,
    instance    varchar(190)  not null,
    started_at  datetime(6)   not null,
    finished_at datetime(6),
    outcome     varchar(16)   not null,
    summary     varchar(2000)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
create index ix_job_run_job on job_run (job, started_at);
