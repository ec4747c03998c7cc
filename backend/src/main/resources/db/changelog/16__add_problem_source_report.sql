--liquibase formatted sql

--changeset duban:16-problem-source-report
-- One report's difficulties are one problem for the life of the report: a resubmission updates it. Until now each
-- resubmission raised another copy; the copies are folded here before the database enforces one problem per report.
alter table problem add column source_report_id bigint null;

-- The problem that stands for each report: the first one the office has acted on (classified or closed), else the
-- first one raised. (Problems from a report are the REPORT ones with a source_ref; a liaison's own have none.)
update problem p
join (select source_ref as report_id, coalesce(min(case when status <> 'OPEN' then id end), min(id)) as keep_id
      from problem
      where source = 'REPORT' and source_ref is not null
      group by source_ref) k on p.id = k.keep_id
set p.source_report_id = k.report_id;

-- Copies still OPEN (never classified, so never on a ticket) are closed as duplicates, with the reason in their
-- history; they stay readable and every reference to them (agendas) stays valid. Copies the office has already
-- classified keep their own life, only without the report's unique reference.
insert into problem_event (problem_id, kind, from_status, to_status, from_level, to_level, reason, at, actor, actor_name)
select d.id, 'CLOSED', d.status, 'CLOSED', d.coordination_level, d.coordination_level,
       concat('与问题 ', k.id, ' 重复（月报 ', d.source_ref, ' 重新报送时再次提出的同一问题和困难），已合并关闭'),
       utc_timestamp(6), 'system', '数据迁移'
from problem d
join problem k on k.source_report_id = d.source_ref
where d.source = 'REPORT' and d.source_report_id is null and d.status = 'OPEN';

update problem d
join problem k on k.source_report_id = d.source_ref
set d.status = 'CLOSED', d.version = d.version + 1, d.updated_at = utc_timestamp(6), d.updated_by = 'system',
    d.updated_by_name = '数据迁移'
where d.source = 'REPORT' and d.source_report_id is null and d.status = 'OPEN';

alter table problem add constraint uk_problem_source_report unique (source_report_id);
