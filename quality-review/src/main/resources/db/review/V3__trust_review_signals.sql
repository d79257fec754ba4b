-- Gold scores on judgements, trust per annotator and project, the review queue with appeals, and
-- the signals that flag an annotator.
ALTER TABLE judgement ADD COLUMN gold boolean NOT NULL DEFAULT false;
-- null: not gold, or a kind that is never scored automatically.
ALTER TABLE judgement ADD COLUMN gold_correct boolean;
-- Signals read an annotator's latest judgements on a project, and the project's latest times.
CREATE INDEX judgement_annotator ON judgement (project_id, annotator_id, submitted_at);
CREATE INDEX judgement_project_time ON judgement (project_id, submitted_at);

-- Beta(1 + correct, 1 + scored - correct) over gold results and review verdicts.
CREATE TABLE trust (
    annotator_id  text             NOT NULL,
    project_id    text             NOT NULL,
    org_id        text             NOT NULL,
    correct       integer          NOT NULL DEFAULT 0,
    scored        integer          NOT NULL DEFAULT 0,
    paused        boolean          NOT NULL DEFAULT false,
    paused_reason text,
    updated_at    timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (project_id, annotator_id),
    CHECK (correct BETWEEN 0 AND scored)
);

-- One item per judgement sampled for audit; an appeal is a further item on the same judgement.
CREATE TABLE review_item (
    id              text        PRIMARY KEY,
    assignment_id   text        NOT NULL,
    task_id         text        NOT NULL,
    project_id      text        NOT NULL,
    org_id          text        NOT NULL,
    annotator_id    text        NOT NULL,
    reason          text        NOT NULL CHECK (reason IN ('sample', 'low-trust', 'contested', 'gold', 'appeal')),
    -- Lower goes first: appeals, then contested work, low trust, gold without a score, samples.
    rank            integer     NOT NULL,
    status          text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'claimed', 'done')),
    reviewer_id     text,
    claimed_until   timestamptz,
    verdict         text CHECK (verdict IN ('accept', 'reject', 'correct')),
    verdict_reason  text,
    correction      jsonb,
    decided_at      timestamptz,
    -- For an appeal: the review it appeals and who gave that verdict (never the same reviewer).
    appeal_of       text,
    appeal_comment  text,
    excluded_reviewer text,
    -- The project's required languages: only reviewers who speak one of them get the item.
    languages       text[]      NOT NULL DEFAULT '{}',
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX review_item_once ON review_item (assignment_id) WHERE appeal_of IS NULL;
CREATE UNIQUE INDEX review_item_one_appeal ON review_item (appeal_of) WHERE appeal_of IS NOT NULL;
CREATE INDEX review_item_queue ON review_item (rank, created_at) WHERE status <> 'done';
CREATE INDEX review_item_annotator ON review_item (annotator_id, decided_at);

-- A signal that currently flags an annotator on a project, with its evidence.
CREATE TABLE flag (
    project_id    text        NOT NULL,
    annotator_id  text        NOT NULL,
    signal        text        NOT NULL,
    detail        text        NOT NULL,
    evidence      jsonb       NOT NULL,
    raised_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (project_id, annotator_id, signal)
);
