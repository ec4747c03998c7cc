--liquibase formatted sql

--changeset duban:7-dispatch-session
create table dispatch_session (
    id                bigint        not null auto_increment primary key,
    type              varchar(16)   not null,
    form              varchar(16)   not null,
    level             varchar(40)   not null,
    chair_position_id bigint        not null,
    held_on           date          not null,
    place             varchar(255),
    title             varchar(255)  not null,
    minutes           text,
    status            varchar(16)   not null,
    version           bigint        not null default 0,
    created_at        datetime(6)   not null,
    created_by        varchar(128)  not null,
    created_by_name   varchar(128),
    updated_at        datetime(6)   not null,
    updated_by        varchar(128)  not null,
    updated_by_name   varchar(128),
    constraint fk_session_chair foreign key (chair_position_id) references job_position (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
create index ix_session_held_on on dispatch_session (held_on);

--changeset duban:7-session-participant
create table session_participant (
    session_id bigint not null,
    unit_id    bigint not null,
    primary key (session_id, unit_id),
    constraint fk_sp_session foreign key (session_id) references dispatch_session (id),
    constraint fk_sp_unit foreign key (unit_id) references unit (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

--changeset duban:7-session-agenda
create table session_agenda_task (
    session_id bigint not null,
    task_id    bigint not null,
    primary key (session_id, task_id),
    constraint fk_sat_session foreign key (session_id) references dispatch_session (id),
    constraint fk_sat_task foreign key (task_id) references task (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
create table session_agenda_problem (
    session_id bigint not null,
    problem_id bigint not null,
    primary key (session_id, problem_id),
    constraint fk_sap_session foreign key (session_id) references dispatch_session (id),
    constraint fk_sap_problem foreign key (problem_id) references problem (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

--changeset duban:7-ticket-sequence
--validCheckSum: 9:a2ff109993976658a4eb8ee720ef6146
-- LAST_VALUE is a reserved word in MySQL 8 (a window function): quoted, so the table is created on MySQL 8.4 as on
-- MariaDB (the checksum above is this changeset's before the quoting, as databases created on MariaDB recorded it).
create table ticket_sequence (
    ticket_year int    not null primary key,
    `last_value` int   not null
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

--changeset duban:7-assignment-ticket
create table assignment_ticket (
    id              bigint       not null auto_increment primary key,
    session_id      bigint       not null,
    ticket_year     int          not null,
    seq             int          not null,
    number          varchar(64)  not null,
    issued_on       date         not null,
    created_at      datetime(6)  not null,
    created_by      varchar(128) not null,
    created_by_name varchar(128),
    updated_at      datetime(6)  not null,
    updated_by      varchar(128) not null,
    updated_by_name varchar(128),
    version         bigint       not null default 0,
    constraint uk_ticket_year_seq unique (ticket_year, seq),
    constraint uk_ticket_number unique (number),
    constraint fk_ticket_session foreign key (session_id) references dispatch_session (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

--changeset duban:7-ticket-item
create table ticket_item (
    id                bigint        not null auto_increment primary key,
    ticket_id         bigint        not null,
    problem_id        bigint        not null,
    lead_unit_id      bigint        not null,
    deadline          date          not null,
    key_item          boolean       not null default false,
    requirement       varchar(2000) not null,
    state             varchar(16)   not null,
    issued_at         datetime(6)   not null,
    acknowledged_at   datetime(6),
    done_report       varchar(5000),
    verified_at       datetime(6),
    return_reason     varchar(1000),
    version           bigint        not null default 0,
    created_at        datetime(6)   not null,
    created_by        varchar(128)  not null,
    created_by_name   varchar(128),
    updated_at        datetime(6)   not null,
    updated_by        varchar(128)  not null,
    updated_by_name   varchar(128),
    constraint fk_item_ticket foreign key (ticket_id) references assignment_ticket (id),
    constraint fk_item_problem foreign key (problem_id) references problem (id),
    constraint fk_item_lead foreign key (lead_unit_id) references unit (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
create index ix_item_lead_state on ticket_item (lead_unit_id, state, deadline);

--changeset duban:7-ticket-item-cooperating-unit
create table ticket_item_cooperating_unit (
    item_id bigint not null,
    unit_id bigint not null,
    primary key (item_id, unit_id),
    constraint fk_ticu_item foreign key (item_id) references ticket_item (id),
    constraint fk_ticu_unit foreign key (unit_id) references unit (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

--changeset duban:7-ticket-item-event
create table ticket_item_event (
    id         bigint        not null auto_increment primary key,
    item_id    bigint        not null,
    from_state varchar(16),
    to_state   varchar(16)   not null,
    reason     varchar(5000),
    at         datetime(6)   not null,
    actor      varchar(128)  not null,
    actor_name varchar(128),
    constraint fk_tie_item foreign key (item_id) references ticket_item (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
create index ix_tie_item on ticket_item_event (item_id, at);
