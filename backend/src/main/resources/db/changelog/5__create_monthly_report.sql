--liquibase formatted sql

--changeset duban:5-monthly-report
create table monthly_report (
    id              bigint       not null auto_increment primary key,
    unit_id         bigint       not null,
    report_month    char(7)      not null,
    status          varchar(16)  not null,
    due_date        date         not null,
    submitted_at    datetime(6),
    days_late       int          not null default 0,
    revision        int          not null default 0,
    problems        text,
    return_reason   varchar(1000),
    version         bigint       not null default 0,
    created_at      datetime(6)  not null,
    created_by      varchar(128) not null,
    created_by_name varchar(128),
    updated_at      datetime(6)  not null,
    updated_by      varchar(128) not null,
    updated_by_name varchar(128),
    constraint uk_monthly_report unique (unit_id, report_month),
    constraint fk_monthly_report_unit foreign key (unit_id) references unit (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
create index ix_monthly_report_month on monthly_report (report_month, status);

--changeset duban:5-monthly-report-entry
create table monthly_report_entry (
    id               bigint      not null auto_increment primary key,
    report_id        bigint      not null,
    task_id          bigint      not null,
    work_done        text        not null,
    progress_percent int         not null,
    track            varchar(16) not null,
    sort_order       int         not null default 0,
    constraint uk_monthly_report_entry unique (report_id, task_id),
    constraint fk_mre_report foreign key (report_id) references monthly_report (id),
    constraint fk_mre_task foreign key (task_id) references task (id),
    constraint ck_mre_percent check (progress_percent between 0 and 100)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

--changeset duban:5-monthly-report-revision
create table monthly_report_revision (
    id                bigint       not null auto_increment primary key,
    report_id         bigint       not null,
    revision          int          not null,
    snapshot          mediumtext   not null,
    submitted_at      datetime(6)  not null,
    submitted_by      varchar(128) not null,
    submitted_by_name varchar(128),
    days_late         int          not null,
    constraint uk_monthly_report_revision unique (report_id, revision),
    constraint fk_mrr_report foreign key (report_id) references monthly_report (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

--changeset duban:5-monthly-report-event
create table monthly_report_event (
    id          bigint       not null auto_increment primary key,
    report_id   bigint       not null,
    from_status varchar(16),
    to_status   varchar(16)  not null,
    reason      varchar(1000),
    at          datetime(6)  not null,
    actor       varchar(128) not null,
    actor_name  varchar(128),
    constraint fk_mrev_report foreign key (report_id) references monthly_report (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
create index ix_mrev_report on monthly_report_event (report_id, at);
