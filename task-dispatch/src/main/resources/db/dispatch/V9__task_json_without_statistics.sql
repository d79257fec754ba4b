-- No query filters, joins or sorts on a task's JSON: its statistics only cost time. Every analysis
-- (the intake writer's as an import grows the table, and autovacuum's) read and compared a sample
-- of the data of 30,000 tasks; without them an analysis of a million tasks takes about three
-- quarters of the time (task-dispatch/README.md, "How intake writes").
ALTER TABLE task ALTER COLUMN data SET STATISTICS 0;
ALTER TABLE task ALTER COLUMN metadata SET STATISTICS 0;
ALTER TABLE task ALTER COLUMN gold SET STATISTICS 0;
