-- Only tasks in a batch need the (project, batch) index: every batch query names a batch. Tasks
-- without one no longer pay for an entry on import, and a lookup by project and external id can
-- no longer pick this index (with a new project's stale statistics it did, and then read all of
-- the project's tasks for every chunk of an import).
DROP INDEX task_project_batch;
CREATE INDEX task_project_batch ON task (project_id, batch) WHERE batch IS NOT NULL;
