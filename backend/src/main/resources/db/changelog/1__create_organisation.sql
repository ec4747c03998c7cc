--liquibase formatted sql

--changeset duban:1-city
create table city (
    id   bigint      not null auto_increment primary key,
    code varchar(8)  not null,
    name varchar(64) not null,
    constraint uk_city_code unique (code)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

--changeset duban:1-unit
create table unit (
    id         bigint       not null auto_increment primary key,
    code       varchar(32)  not null,
    name       varchar(128) not null,
    short_name varchar(128),
    kind       varchar(32)  not null,
    city_id    bigint       not null,
    version    bigint       not null default 0,
    created_at datetime(6)  not null,
    created_by varchar(128) not null,
    updated_at datetime(6)  not null,
    updated_by varchar(128) not null,
    constraint uk_unit_code unique (code),
    constraint uk_unit_name unique (name),
    constraint fk_unit_city foreign key (city_id) references city (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

--changeset duban:1-person
create table person (
    id         bigint       not null auto_increment primary key,
    code       varchar(32)  not null,
    name       varchar(64)  not null,
    version    bigint       not null default 0,
    created_at datetime(6)  not null,
    created_by varchar(128) not null,
    updated_at datetime(6)  not null,
    updated_by varchar(128) not null,
    constraint uk_person_code unique (code)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

--changeset duban:1-job-position
create table job_position (
    id           bigint       not null auto_increment primary key,
    code         varchar(32)  not null,
    title        varchar(255) not null,
    unit_id      bigint,
    holder_id    bigint,
    holder_since date,
    version      bigint       not null default 0,
    created_at   datetime(6)  not null,
    created_by   varchar(128) not null,
    updated_at   datetime(6)  not null,
    updated_by   varchar(128) not null,
    constraint uk_job_position_code unique (code),
    constraint fk_job_position_unit foreign key (unit_id) references unit (id),
    constraint fk_job_position_holder foreign key (holder_id) references person (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

--changeset duban:1-position-tenure
create table position_tenure (
    id          bigint       not null auto_increment primary key,
    position_id bigint       not null,
    person_id   bigint       not null,
    started_on  date,
    ended_on    date,
    note        varchar(500),
    created_at  datetime(6)  not null,
    created_by  varchar(128) not null,
    constraint fk_tenure_position foreign key (position_id) references job_position (id),
    constraint fk_tenure_person foreign key (person_id) references person (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
create index ix_tenure_position on position_tenure (position_id, ended_on);

--changeset duban:1-work-group
create table work_group (
    id           bigint       not null auto_increment primary key,
    code         varchar(32)  not null,
    name         varchar(128) not null,
    kind         varchar(32)  not null,
    parent_id    bigint,
    host_unit_id bigint,
    duties       varchar(1000),
    version      bigint       not null default 0,
    created_at   datetime(6)  not null,
    created_by   varchar(128) not null,
    updated_at   datetime(6)  not null,
    updated_by   varchar(128) not null,
    constraint uk_work_group_code unique (code),
    constraint fk_work_group_parent foreign key (parent_id) references work_group (id),
    constraint fk_work_group_host foreign key (host_unit_id) references unit (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

--changeset duban:1-membership
create table membership (
    id          bigint       not null auto_increment primary key,
    group_id    bigint       not null,
    position_id bigint       not null,
    role        varchar(32)  not null,
    sort_order  int          not null default 0,
    version     bigint       not null default 0,
    created_at  datetime(6)  not null,
    created_by  varchar(128) not null,
    updated_at  datetime(6)  not null,
    updated_by  varchar(128) not null,
    constraint uk_membership unique (group_id, position_id, role),
    constraint fk_membership_group foreign key (group_id) references work_group (id),
    constraint fk_membership_position foreign key (position_id) references job_position (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
