--liquibase formatted sql

--changeset duban:40-ticket-item-event-state-at
-- The returns of a period's items (dispatch/ItemRecords: bulletins, summaries, the annual assessment) are read by their
-- state up to the period's end: ~9 000 entries of this index at province scale, where joining every item in scope to
-- its events read ~100 000 items and their history (0.15 s; deploy/bench-notes/session16.md, issue 11).
create index ix_tie_state_at on ticket_item_event (to_state, at, item_id);
