--liquibase formatted sql

--changeset duban:8-supervision-case
create table supervision_case (
    id              bigint        not null auto_increment primary key,
    item_id         bigint        not null,
    reason          varchar(16)   not null,
    status          varchar(16)   not null,
    opened_at       datetime(6)   not null,
    closed_at       datetime(6),
    report          text,
    version         bigint        not null default 0,
    created_at      datetime(6)   not null,
    created_by      varchar(128)  not null,
    created_by_name varchar(128),
    updated_at      datetime(6)   not null,
    updated_by      varchar(128)  not null,
    updated_by_name varchar(128),
    constraint uk_supervision_case_item unique (item_id),
    constraint fk_supervision_case_item foreign key (item_id) references ticket_item (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
create index ix_supervision_case_status on supervision_case (status);

--changeset duban:8-supervision-action
create table supervision_action (
    id         bigint        not null auto_increment primary key,
    case_id    bigint        not null,
    kind       varchar(16)   not null,
    means      varchar(16),
    to_whom    varchar(255),
    content    varchar(5000) not null,
    acted_on   date          not null,
    at         datetime(6)   not null,
    actor      varchar(128)  not null,
    actor_name varchar(128),
    constraint fk_supervision_action_case foreign key (case_id) references supervision_case (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
create index ix_supervision_action_case on supervision_action (case_id, at);
