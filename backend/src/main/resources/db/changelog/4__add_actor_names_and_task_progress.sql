--liquibase formatted sql

--changeset duban:4-actor-names
alter table unit add column created_by_name varchar(128), add column updated_by_name varchar(128);
alter table person add column created_by_name varchar(128), add column updated_by_name varchar(128);
alter table job_position add column created_by_name varchar(128), add column updated_by_name varchar(128);
alter table work_group add column created_by_name varchar(128), add column updated_by_name varchar(128);
alter table membership add column created_by_name varchar(128), add column updated_by_name varchar(128);
alter table plan add column created_by_name varchar(128), add column updated_by_name varchar(128);
alter table task add column created_by_name varchar(128), add column updated_by_name varchar(128);
alter table position_tenure add column created_by_name varchar(128);

--changeset duban:4-task-progress
create table task_progress (
    id               bigint       not null auto_increment primary key,
    task_id          bigint       not null,
    status           varchar(16)  not null,
    progress_percent int          not null,
    note             varchar(2000),
    source           varchar(16)  not null,
    unit_id          bigint,
    city_id          bigint,
    reported_at      datetime(6)  not null,
    reported_by      varchar(128) not null,
    reported_by_name varchar(128),
    constraint fk_task_progress_task foreign key (task_id) references task (id),
    constraint fk_task_progress_unit foreign key (unit_id) references unit (id),
    constraint fk_task_progress_city foreign key (city_id) references city (id),
    constraint ck_task_progress_percent check (progress_percent between 0 and 100)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
create index ix_task_progress_task on task_progress (task_id, reported_at);
