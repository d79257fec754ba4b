-- The earnings ledger: append-only; a correction is a new entry, never an update.
CREATE TYPE earning_state AS ENUM ('pending', 'payable', 'reversed');

CREATE TABLE earning (
    id             text PRIMARY KEY,
    annotator_id   text          NOT NULL,
    assignment_id  text          NOT NULL,
    project_id     text          NOT NULL,
    org_id         text          NOT NULL,
    state          earning_state NOT NULL,
    amount         numeric(18, 6) NOT NULL,
    currency       char(3)       NOT NULL,
    created_at     timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT earning_once_per_state UNIQUE (assignment_id, state)
);
CREATE INDEX earning_annotator ON earning (annotator_id, created_at);
