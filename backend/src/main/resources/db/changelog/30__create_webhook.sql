--liquibase formatted sql

--changeset duban:30-webhook-subscription
-- A partner client's webhook: where to send which event types, signed with secret (and, during a rotation, with
-- previous_secret too until previous_secret_until). status ACTIVE or DISABLED (a 410 from the receiver, or deleted).
create table webhook_subscription (
    id                    bigint        not null auto_increment primary key,
    client_id             varchar(190)  not null,
    city_code             varchar(8),
    url                   varchar(2000) not null,
    event_types           varchar(1000) not null,
    secret                varchar(100)  not null,
    previous_secret       varchar(100),
    previous_secret_until datetime(6),
    status                varchar(16)   not null,
    disabled_reason       varchar(500),
    version               bigint        not null default 0,
    created_at            datetime(6)   not null,
    created_by            varchar(128)  not null
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
create index ix_webhook_subscription_client on webhook_subscription (client_id, status);

--changeset duban:30-webhook-delivery
-- One event for one subscription. The event's id is the webhook-id, the same on every attempt. status PENDING until
-- it succeeds (SUCCEEDED) or gives up (FAILED); next_attempt_at is pushed past the request timeout while an attempt is
-- in flight (a lease), so a crashed sender's delivery is sent again, with the same id, never lost.
create table webhook_delivery (
    id              bigint        not null auto_increment primary key,
    subscription_id bigint        not null,
    event_id        bigint        not null,
    feed_seq        bigint        not null,
    resource_key    varchar(100)  not null,
    status          varchar(16)   not null,
    attempts        int           not null,
    next_attempt_at datetime(6),
    last_status     int,
    last_error      varchar(500),
    created_at      datetime(6)   not null,
    updated_at      datetime(6)   not null,
    constraint uk_webhook_delivery unique (subscription_id, event_id),
    constraint fk_webhook_delivery_subscription foreign key (subscription_id) references webhook_subscription (id),
    constraint fk_webhook_delivery_event foreign key (event_id) references domain_event (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
create index ix_webhook_delivery_due on webhook_delivery (status, next_attempt_at);
create index ix_webhook_delivery_order on webhook_delivery (subscription_id, resource_key, status, feed_seq);

--changeset duban:30-webhook-attempt
-- Every attempt: when, the receiver's status (never its body), how long it took, what went wrong.
create table webhook_attempt (
    id           bigint       not null auto_increment primary key,
    delivery_id  bigint       not null,
    attempted_at datetime(6)  not null,
    status_code  int,
    latency_ms   bigint       not null,
    error        varchar(500),
    constraint fk_webhook_attempt_delivery foreign key (delivery_id) references webhook_delivery (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
create index ix_webhook_attempt_delivery on webhook_attempt (delivery_id, attempted_at);
