-- Every event paid for an entry in a unique index on its random UUID: an insert at a random
-- leaf, which after each checkpoint writes that whole page to the WAL again. Nothing looks an
-- event up by its id in this table (consumers record the ids they handled in handled_event), and
-- the ids are random UUIDs made by Outbox.append, so the index guarded nothing.
ALTER TABLE outbox DROP CONSTRAINT outbox_event_id_key;
