-- Judgements as quality sees them (one per submitted assignment) and each task's outcome.
CREATE TYPE judgement_status AS ENUM ('submitted', 'resolved', 'contested', 'accepted', 'rejected');
CREATE TYPE outcome_status AS ENUM ('resolved', 'contested');

CREATE TABLE judgement (
    assignment_id  text PRIMARY KEY,
    task_id        text             NOT NULL,
    project_id     text             NOT NULL,
    org_id         text             NOT NULL,
    annotator_id   text             NOT NULL,
    kind           text             NOT NULL,
    -- In the customer's terms (A is the customer's A, whatever side it was shown on).
    answer         jsonb            NOT NULL,
    swapped        boolean          NOT NULL,
    duration_ms    bigint,
    submitted_at   timestamptz      NOT NULL,
    status         judgement_status NOT NULL DEFAULT 'submitted'
);
CREATE INDEX judgement_task ON judgement (task_id);
CREATE INDEX judgement_project ON judgement (project_id, status);

CREATE TABLE task_outcome (
    task_id      text PRIMARY KEY,
    project_id   text           NOT NULL,
    org_id       text           NOT NULL,
    status       outcome_status NOT NULL,
    judgements   integer        NOT NULL,
    agreement    double precision NOT NULL,
    consensus    jsonb          NOT NULL,
    decided_at   timestamptz    NOT NULL DEFAULT now()
);
CREATE INDEX task_outcome_project ON task_outcome (project_id, status);
