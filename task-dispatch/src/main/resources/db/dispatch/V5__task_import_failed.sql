-- Accepted records that the database then refused (they went to the dead-letter topic): an import
-- is done when every accepted record is either written or failed.
ALTER TABLE task_import ADD COLUMN failed integer NOT NULL DEFAULT 0;
