--liquibase formatted sql

--changeset duban:42-domain-event-resource
-- The last sequence number of each resource's events (events/Outbox). The transaction that records an event moves
-- its resource's row on by one and keeps that row's lock to its commit, so two transactions number one resource's
-- events one after the other whether or not they also update the resource's own row. Before, the number was the
-- largest in domain_event plus one, read from the transaction's snapshot: safe only while every change of the
-- resource updated its row first (the row lock and the version guard put the second after the first), and a monthly
-- report names tasks whose progress it repeats unchanged (no update, no lock): two units' reports of one task took the
-- same number, and the second failed 500 on uk_domain_event_resource (session 22's bench, ~25 a second).
create table domain_event_resource (
    resource_type varchar(32) not null,
    resource_id   varchar(64) not null,
    last_seq      bigint      not null,
    primary key (resource_type, resource_id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
insert into domain_event_resource (resource_type, resource_id, last_seq)
select resource_type, resource_id, max(resource_seq) from domain_event group by resource_type, resource_id;
