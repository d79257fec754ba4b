-- Projects, their tasks, the work units (task x replica) that annotators lease, and assignments.
CREATE TYPE work_kind AS ENUM ('pairwise', 'ranking', 'rating', 'classification', 'sft');
CREATE TYPE project_status AS ENUM ('draft', 'active', 'paused', 'completed');
CREATE TYPE task_status AS ENUM ('open', 'resolved', 'contested');
-- held: in a paused batch; ready again when the batch resumes.
CREATE TYPE unit_status AS ENUM ('ready', 'leased', 'submitted', 'held');
CREATE TYPE batch_status AS ENUM ('active', 'paused', 'finalized');
CREATE TYPE assignment_status AS ENUM ('leased', 'submitted', 'expired', 'skipped', 'released');

CREATE TABLE project (
    id             text PRIMARY KEY,
    org_id         text           NOT NULL,
    name           text           NOT NULL,
    kind           work_kind      NOT NULL,
    instructions   text           NOT NULL DEFAULT '',
    -- The full validated settings document as the customer sees it.
    settings       jsonb          NOT NULL,
    overlap_min    integer        NOT NULL CHECK (overlap_min >= 1),
    overlap_max    integer        NOT NULL CHECK (overlap_max >= overlap_min),
    priority       integer        NOT NULL DEFAULT 1 CHECK (priority >= 1),
    lease_seconds  integer        NOT NULL DEFAULT 600 CHECK (lease_seconds > 0),
    -- Eligibility, copied out of settings so the lease query can filter on it.
    required_languages text[]     NOT NULL DEFAULT '{}',
    -- {"skill": minimum level}
    required_skills jsonb         NOT NULL DEFAULT '{}'::jsonb,
    min_tier       integer        NOT NULL DEFAULT 1,
    gold_ratio     double precision NOT NULL DEFAULT 0,
    -- Past its deadline a project offers no more work.
    deadline       timestamptz,
    status         project_status NOT NULL,
    created_at     timestamptz    NOT NULL DEFAULT now()
);
CREATE INDEX project_org ON project (org_id, created_at);

CREATE TABLE task_import (
    id              text PRIMARY KEY,
    project_id      text        NOT NULL REFERENCES project (id),
    accepted        integer     NOT NULL,
    duplicates      integer     NOT NULL,
    rejected        integer     NOT NULL,
    written         integer     NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX task_import_project ON task_import (project_id);

CREATE TABLE batch (
    project_id  text         NOT NULL REFERENCES project (id),
    name        text         NOT NULL,
    status      batch_status NOT NULL DEFAULT 'active',
    completed_at timestamptz,
    PRIMARY KEY (project_id, name)
);

CREATE TABLE task (
    id           text PRIMARY KEY,
    project_id   text        NOT NULL REFERENCES project (id),
    external_id  text        NOT NULL,
    batch        text,
    difficulty   integer CHECK (difficulty BETWEEN 1 AND 5),
    metadata     jsonb,
    data         jsonb       NOT NULL,
    gold         jsonb,
    is_gold      boolean     NOT NULL DEFAULT false,
    import_id    text,
    status       task_status NOT NULL DEFAULT 'open',
    created_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT task_external_id_unique UNIQUE (project_id, external_id)
);
CREATE INDEX task_project_batch ON task (project_id, batch);
CREATE INDEX task_gold ON task (project_id) WHERE is_gold;

CREATE TABLE work_unit (
    id                text PRIMARY KEY,
    task_id           text        NOT NULL REFERENCES task (id),
    project_id        text        NOT NULL,
    replica           integer     NOT NULL,
    -- The tier this unit's task needs (project minimum, raised by its difficulty rules).
    min_tier          integer     NOT NULL DEFAULT 1,
    status            unit_status NOT NULL DEFAULT 'ready',
    leased_by         text,
    lease_expires_at  timestamptz,
    ready_since       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT work_unit_replica_unique UNIQUE (task_id, replica)
);
-- The lease query scans only one project's ready units, oldest first.
CREATE INDEX work_unit_ready ON work_unit (project_id, ready_since, id) WHERE status = 'ready';
CREATE INDEX work_unit_leased ON work_unit (lease_expires_at) WHERE status = 'leased';
CREATE INDEX work_unit_project_status ON work_unit (project_id, status);

CREATE TABLE assignment (
    id                text PRIMARY KEY,
    unit_id           text              NOT NULL REFERENCES work_unit (id),
    task_id           text              NOT NULL,
    project_id        text              NOT NULL,
    annotator_id      text              NOT NULL,
    status            assignment_status NOT NULL DEFAULT 'leased',
    -- Whether the annotator saw the customer's B on the left (responses shown swapped).
    swapped           boolean           NOT NULL,
    leased_at         timestamptz       NOT NULL DEFAULT now(),
    lease_expires_at  timestamptz       NOT NULL,
    submitted_at      timestamptz,
    answer            jsonb,
    duration_ms       bigint,
    idempotency_key   text,
    answer_hash       text,
    result            jsonb,
    skip_reason       text
);
CREATE INDEX assignment_live ON assignment (annotator_id, leased_at) WHERE status = 'leased';
CREATE UNIQUE INDEX assignment_idempotency_key
    ON assignment (annotator_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX assignment_task ON assignment (task_id);
CREATE INDEX assignment_unit ON assignment (unit_id);

-- Who may never get a task again (saw it, skipped it, judged it, reviewed it).
CREATE TABLE exclusion (
    annotator_id  text        NOT NULL,
    task_id       text        NOT NULL,
    reason        text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (annotator_id, task_id)
);
