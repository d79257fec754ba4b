-- Export jobs and the files they produce (small enough to keep in the database for now).
CREATE TYPE export_status AS ENUM ('queued', 'running', 'done', 'failed', 'cancelled');

CREATE TABLE export_job (
    id            text PRIMARY KEY,
    org_id        text          NOT NULL,
    project_id    text          NOT NULL,
    format        text          NOT NULL,
    status        export_status NOT NULL DEFAULT 'queued',
    -- The outbox position at request time: the snapshot waits until consumers pass it.
    watermark     bigint        NOT NULL,
    requested_at  timestamptz   NOT NULL DEFAULT now(),
    started_at    timestamptz,
    finished_at   timestamptz,
    error         text,
    manifest      jsonb
);
CREATE INDEX export_job_queued ON export_job (requested_at) WHERE status = 'queued';
CREATE INDEX export_job_project ON export_job (project_id);

CREATE TABLE export_file (
    export_id  text    NOT NULL REFERENCES export_job (id),
    name       text    NOT NULL,
    content    bytea   NOT NULL,
    bytes      bigint  NOT NULL,
    rows       integer NOT NULL,
    sha256     text    NOT NULL,
    PRIMARY KEY (export_id, name)
);
