--liquibase formatted sql

--changeset duban:6-problem
create table problem (
    id                 bigint        not null auto_increment primary key,
    task_id            bigint        not null,
    raised_by_unit_id  bigint        not null,
    source             varchar(24)   not null,
    source_ref         bigint,
    description        varchar(5000) not null,
    status             varchar(16)   not null,
    category           varchar(16),
    coordination_level varchar(40),
    version            bigint        not null default 0,
    created_at         datetime(6)   not null,
    created_by         varchar(128)  not null,
    created_by_name    varchar(128),
    updated_at         datetime(6)   not null,
    updated_by         varchar(128)  not null,
    updated_by_name    varchar(128),
    constraint fk_problem_task foreign key (task_id) references task (id),
    constraint fk_problem_unit foreign key (raised_by_unit_id) references unit (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
create index ix_problem_status on problem (status, coordination_level);

--changeset duban:6-problem-event
create table problem_event (
    id          bigint       not null auto_increment primary key,
    problem_id  bigint       not null,
    kind        varchar(16)  not null,
    from_status varchar(16),
    to_status   varchar(16)  not null,
    from_level  varchar(40),
    to_level    varchar(40),
    reason      varchar(1000),
    at          datetime(6)  not null,
    actor       varchar(128) not null,
    actor_name  varchar(128),
    constraint fk_problem_event_problem foreign key (problem_id) references problem (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
create index ix_problem_event on problem_event (problem_id, at);
