--liquibase formatted sql

--changeset duban:10-supervision-case-event
create table supervision_case_event (
    id          bigint        not null auto_increment primary key,
    case_id     bigint        not null,
    from_status varchar(16),
    to_status   varchar(16)   not null,
    reason      varchar(2000) not null,
    at          datetime(6)   not null,
    actor       varchar(128)  not null,
    actor_name  varchar(128),
    constraint fk_supervision_case_event_case foreign key (case_id) references supervision_case (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
create index ix_supervision_case_event_case on supervision_case_event (case_id, at);

--changeset duban:10-supervision-case-event-backfill
-- Cases opened before the history existed get their opening (and, if closed, their closing) as events.
insert into supervision_case_event (case_id, from_status, to_status, reason, at, actor, actor_name)
select id, null, 'OPEN',
       case reason when 'KEY' then '重点交办事项，自动立案' when 'OVERDUE' then '交办事项逾期未办结，自动立案' else '督查室立案' end,
       opened_at, created_by, created_by_name
from supervision_case;
insert into supervision_case_event (case_id, from_status, to_status, reason, at, actor, actor_name)
select id, 'OPEN', 'CLOSED', '交办事项已核验办结', closed_at, updated_by, updated_by_name
from supervision_case where status = 'CLOSED' and closed_at is not null;
