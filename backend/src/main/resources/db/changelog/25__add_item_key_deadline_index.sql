--liquibase formatted sql

--changeset duban:25-item-key-deadline-index
-- The leader dashboard's overdue key items (key, not verified, deadline before the day) and the list behind it
-- (`/ticket-items?key=true&overdueOn=`): without it both scan every item (province data set: 98 743 rows, ~150 ms);
-- with it a range on (key_item, deadline), state read from the index (~10 ms).
create index ix_item_key_deadline on ticket_item (key_item, deadline, state);
