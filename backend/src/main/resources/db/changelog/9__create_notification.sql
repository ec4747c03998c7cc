--liquibase formatted sql

--changeset duban:9-notification
create table notification (
    id         bigint        not null auto_increment primary key,
    unit_id    bigint        not null,
    item_id    bigint        not null,
    kind       varchar(24)   not null,
    on_date    date          not null,
    message    varchar(1000) not null,
    created_at datetime(6)   not null,
    constraint uk_notification unique (item_id, kind, on_date),
    constraint fk_notification_unit foreign key (unit_id) references unit (id),
    constraint fk_notification_item foreign key (item_id) references ticket_item (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
create index ix_notification_unit on notification (unit_id, on_date);
