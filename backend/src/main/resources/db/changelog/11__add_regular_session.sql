--liquibase formatted sql

--changeset duban:11-regular-session-month
-- The office's regular monthly session (annex 2, rules 4 and 5) is planned by a schedule, once per month: the
-- unique key keeps it once even if two instances, or a person and the schedule, plan it at the same moment.
alter table dispatch_session add column regular_month varchar(7) null;
alter table dispatch_session add constraint uk_session_regular_month unique (regular_month);

--changeset duban:11-session-agenda-unit
-- Units on a session's agenda: those that have not reported last month, called to account.
create table session_agenda_unit (
    session_id bigint not null,
    unit_id    bigint not null,
    primary key (session_id, unit_id),
    constraint fk_sau_session foreign key (session_id) references dispatch_session (id),
    constraint fk_sau_unit foreign key (unit_id) references unit (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

