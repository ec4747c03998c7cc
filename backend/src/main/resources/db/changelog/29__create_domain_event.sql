--liquibase formatted sql

--changeset duban:29-domain-event
-- The outbox: every domain event, written in the transaction of the change it reports (a rolled-back change leaves
-- none). id is the insert order, which is NOT the commit order; feed_seq is assigned after commit by one sequencer at
-- a time (event_sequencer row lock), so a feed cursor over feed_seq never skips a row that committed late.
-- payload is the resource's view as its GET shows it; partner_visible and domain_event_unit say who may read it.
create table domain_event (
    id              bigint        not null auto_increment primary key,
    event_id        char(36)      not null,
    type            varchar(64)   not null,
    resource_type   varchar(32)   not null,
    resource_id     varchar(64)   not null,
    resource_seq    bigint        not null,
    occurred_at     datetime(6)   not null,
    payload         mediumtext    not null,
    partner_visible boolean       not null,
    feed_seq        bigint,
    constraint uk_domain_event_event unique (event_id),
    constraint uk_domain_event_resource unique (resource_type, resource_id, resource_seq),
    constraint uk_domain_event_feed unique (feed_seq)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
create index ix_domain_event_partner on domain_event (partner_visible, feed_seq);

--changeset duban:29-domain-event-unit
-- The units an event concerns (a liaison reads these in the feed).
create table domain_event_unit (
    event_id  bigint       not null,
    unit_id   bigint       not null,
    primary key (event_id, unit_id),
    constraint fk_domain_event_unit_event foreign key (event_id) references domain_event (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
create index ix_domain_event_unit_unit on domain_event_unit (unit_id, event_id);

--changeset duban:29-event-sequencer
-- One row, locked by whoever assigns feed sequence numbers: the last number handed out.
create table event_sequencer (
    id       int    not null primary key,
    last_seq bigint not null
) engine = InnoDB;
insert into event_sequencer (id, last_seq) values (1, 0);
