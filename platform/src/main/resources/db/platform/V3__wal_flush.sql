-- One row that Tx.flushCommitted updates in a transaction of its own with a synchronous commit:
-- PostgreSQL flushes the WAL up to that commit, and with it every commit before, including those
-- that did not wait for their flush (a next-task's lease). A transaction that writes nothing does
-- not flush, even with a transaction id, so the flush needs a real write.
CREATE TABLE wal_flush (
  id         int         PRIMARY KEY CHECK (id = 1),
  flushed_at timestamptz NOT NULL
);
INSERT INTO wal_flush (id, flushed_at) VALUES (1, now());
