-- Intake inserts tasks and their units by the hundred thousand, and PostgreSQL checks a foreign
-- key row by row (one locking look-up in the referenced table per inserted row): measured on a
-- 200k-task import, the two checks below were about a third of the insert time. Neither guards
-- anything the code does not already: projects and tasks are never deleted, intake creates a
-- task's units in the statement that creates the task, and units added later (quality, gold) are
-- for a task read in the same transaction. The keys that protect deletes stay (assignment ->
-- work_unit: a decided task's units are deleted only when no assignment names them).
ALTER TABLE task DROP CONSTRAINT task_project_id_fkey;
ALTER TABLE work_unit DROP CONSTRAINT work_unit_task_id_fkey;
