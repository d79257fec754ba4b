-- The first vacuum of freshly imported tasks (triggered by the inserts themselves) dirties and
-- writes every page of the table, a few hundred MB after a million-line import, at autovacuum's
-- default pace of about 40 MB/s. That traffic most likely stalled next-task and submit in
-- benchmark run M (next-task p99 79 ms with a million ready units, while a probe run with
-- autovacuum off for tasks and units measured 12 ms; BENCHMARKS.md, runs L-P). Nothing waits on
-- the vacuum of tasks (the lease reads units), so it goes at a fifth of that pace. Units keep the
-- default: their vacuum clears the dead index entries that leases leave behind.
ALTER TABLE task SET (autovacuum_vacuum_cost_delay = 10);
