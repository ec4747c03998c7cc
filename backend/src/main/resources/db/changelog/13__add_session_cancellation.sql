--liquibase formatted sql

--changeset duban:13-session-cancel-reason
-- A planned session may be called off (with the reason) while it has issued no ticket.
alter table dispatch_session add column cancel_reason varchar(1000) null;
