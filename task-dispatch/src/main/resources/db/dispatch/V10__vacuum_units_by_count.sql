-- A lease moves a unit out of the ready index's predicate, but its entry stays in the index, at
-- the oldest end where every lease scan starts, until a vacuum removes it. With autovacuum's
-- default threshold (a fifth of the table) a queue of a million units is vacuumed after ~100,000
-- leases, and each lease scan steps over every entry left since then: in a five-minute probe at a
-- million ready units, scans of the ready index read 182 pages each and the lease statement took
-- 0.67 ms, against 22 pages and 0.23 ms with this setting (BENCHMARKS.md). So units are vacuumed
-- after a fixed number of dead rows (a lease and a submit leave two), and always with their
-- indexes: when under 2 % of the heap's pages hold dead rows PostgreSQL would skip the index pass,
-- which is the part the leases need. A vacuum of a million units took 0.25 s of CPU.
ALTER TABLE work_unit SET (
    autovacuum_vacuum_scale_factor = 0,
    autovacuum_vacuum_threshold = 5000,
    vacuum_index_cleanup = on);
