-- Lines an import accepted whose external id another import wrote first, while both were running
-- (the import endpoint checks the project's tasks before it sends, the writer finds the rest).
-- They count as duplicates of the import, not as accepted, so that the import still ends.
ALTER TABLE task_import ADD COLUMN late_duplicates integer NOT NULL DEFAULT 0;
