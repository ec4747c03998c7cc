--liquibase formatted sql

--changeset duban:27-idempotency-key
-- Idempotency-Key (issue 12): one row per client and key, shared by every instance and kept across restarts.
-- RUNNING while the first request is being served (locked_at: when it started, so an abandoned one can be taken over),
-- DONE with the first answer (status, the headers that matter as JSON, the body) until expires_at; purged by a schedule.
create table idempotency_key (
    id               bigint        not null auto_increment primary key,
    client           varchar(255)  not null,
    idem_key         varchar(255)  not null,
    fingerprint      char(64)      not null,
    state            varchar(16)   not null,
    locked_at        datetime(6)   not null,
    created_at       datetime(6)   not null,
    expires_at       datetime(6)   not null,
    response_status  int,
    response_headers text,
    response_body    longblob,
    constraint uk_idempotency_key unique (client, idem_key)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_bin;
create index ix_idempotency_key_expires on idempotency_key (expires_at);
