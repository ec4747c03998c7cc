--liquibase formatted sql

--changeset duban:21-ticket-item-list-indexes
-- The item list (`/ticket-items`) pages by (deadline, id). A unit's inbox is a union of the items it leads
-- (ix_item_lead_state) and those it cooperates on (fk_ticu_unit), see DispatchRepository; the office's list over every
-- item needs an index per filter that hands the rows over in deadline order, so one page reads one page of entries
-- instead of sorting the whole table (province data set, 100 000 items: every filter went from a full index scan and a
-- filesort of ~98 600 entries to 100-1 200 entries; see bench-notes/queries.md).
--   no filter:            (deadline)                  -> the first 100 entries, no sort
--   state:                (state, deadline)           -> one range, in order
--   key:                  (key_item, deadline)        -> one range, in order
--   key and overdue:      (key_item, state, deadline) -> the unverified key items only (1 181 entries, not 20 530);
--                         also the leader dashboard's count of overdue key items
-- (key_item, deadline, state) of changeset 25 is replaced by the last two: its order (deadline, state, id) served
-- neither the page's order nor the state test of the count as a range.
create index ix_item_deadline on ticket_item (deadline);
create index ix_item_state_deadline on ticket_item (state, deadline);
create index ix_item_key_date on ticket_item (key_item, deadline);
create index ix_item_key_state_deadline on ticket_item (key_item, state, deadline);
drop index ix_item_key_deadline on ticket_item;
