--liquibase formatted sql

--changeset duban:20-publication
-- What the office publishes (bulletins, briefs, summaries, the annual assessment): figures frozen as JSON text.
-- draft_key / published_key hold "kind|plan|period" while the row is a draft / published and are null otherwise,
-- so the database allows at most one draft and one published row per kind, plan and period.
create table publication (
    id                bigint        not null auto_increment primary key,
    kind              varchar(32)   not null,
    plan_id           bigint        not null,
    period            varchar(16)   not null,
    period_start      date          not null,
    as_of             date          not null,
    status            varchar(16)   not null,
    draft_key         varchar(80),
    published_key     varchar(80),
    content           mediumtext    not null,
    opening           text,
    highlights        text,
    next_steps        text,
    corrects_id       bigint,
    correction_reason varchar(2000),
    published_at      datetime(6),
    published_by      varchar(128),
    published_by_name varchar(128),
    version           bigint        not null default 0,
    created_at        datetime(6)   not null,
    created_by        varchar(128)  not null,
    created_by_name   varchar(128),
    updated_at        datetime(6)   not null,
    updated_by        varchar(128)  not null,
    updated_by_name   varchar(128),
    constraint uk_publication_draft unique (draft_key),
    constraint uk_publication_published unique (published_key),
    constraint fk_publication_plan foreign key (plan_id) references plan (id),
    constraint fk_publication_corrects foreign key (corrects_id) references publication (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
create index ix_publication_kind_period on publication (kind, period, status);

--changeset duban:20-publication-event
create table publication_event (
    id             bigint        not null auto_increment primary key,
    publication_id bigint        not null,
    from_status    varchar(16),
    to_status      varchar(16)   not null,
    reason         varchar(2000) not null,
    at             datetime(6)   not null,
    actor          varchar(128)  not null,
    actor_name     varchar(128),
    constraint fk_publication_event_publication foreign key (publication_id) references publication (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
create index ix_publication_event_publication on publication_event (publication_id, at);
