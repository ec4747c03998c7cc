--liquibase formatted sql

--changeset duban:2-plan
create table plan (
    id            bigint       not null auto_increment primary key,
    code          varchar(32)  not null,
    title         varchar(255) not null,
    issuer        varchar(255),
    document_date date,
    period_start  date,
    period_end    date,
    summary       text,
    version       bigint       not null default 0,
    created_at    datetime(6)  not null,
    created_by    varchar(128) not null,
    updated_at    datetime(6)  not null,
    updated_by    varchar(128) not null,
    constraint uk_plan_code unique (code)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

--changeset duban:2-area
create table area (
    id         bigint      not null auto_increment primary key,
    plan_id    bigint      not null,
    code       varchar(32) not null,
    name       varchar(64) not null,
    sort_order int         not null default 0,
    constraint uk_area_code unique (plan_id, code),
    constraint fk_area_plan foreign key (plan_id) references plan (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

--changeset duban:2-task
create table task (
    id                      bigint       not null auto_increment primary key,
    plan_id                 bigint       not null,
    area_id                 bigint,
    parent_id               bigint,
    code                    varchar(32)  not null,
    kind                    varchar(16)  not null,
    title                   varchar(255) not null,
    description             text,
    lead_clause             varchar(500),
    cross_city_lead_city_id bigint,
    deadline                date,
    status                  varchar(16)  not null,
    progress_percent        int          not null default 0,
    sort_order              int          not null default 0,
    version                 bigint       not null default 0,
    created_at              datetime(6)  not null,
    created_by              varchar(128) not null,
    updated_at              datetime(6)  not null,
    updated_by              varchar(128) not null,
    constraint uk_task_code unique (plan_id, code),
    constraint fk_task_plan foreign key (plan_id) references plan (id),
    constraint fk_task_area foreign key (area_id) references area (id),
    constraint fk_task_parent foreign key (parent_id) references task (id),
    constraint fk_task_lead_city foreign key (cross_city_lead_city_id) references city (id),
    constraint ck_task_progress check (progress_percent between 0 and 100)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
create index ix_task_deadline on task (deadline);
create index ix_task_status on task (status);

--changeset duban:2-task-cross-city-lead-unit
create table task_cross_city_lead_unit (
    task_id bigint not null,
    unit_id bigint not null,
    primary key (task_id, unit_id),
    constraint fk_tcclu_task foreign key (task_id) references task (id),
    constraint fk_tcclu_unit foreign key (unit_id) references unit (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

--changeset duban:2-task-responsible-unit
create table task_responsible_unit (
    id      bigint      not null auto_increment primary key,
    task_id bigint      not null,
    unit_id bigint      not null,
    role    varchar(16) not null,
    constraint uk_task_responsible_unit unique (task_id, unit_id),
    constraint fk_tru_task foreign key (task_id) references task (id),
    constraint fk_tru_unit foreign key (unit_id) references unit (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

--changeset duban:2-task-milestone
create table task_milestone (
    id           bigint       not null auto_increment primary key,
    task_id      bigint       not null,
    title        varchar(255) not null,
    due_date     date,
    completed_on date,
    sort_order   int          not null default 0,
    constraint fk_milestone_task foreign key (task_id) references task (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

--changeset duban:2-work-group-task
alter table work_group add column task_id bigint;
alter table work_group add constraint fk_work_group_task foreign key (task_id) references task (id);
