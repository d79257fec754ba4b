-- Qualification tests: gold items an annotator answers like normal work. Passing grants access to
-- the projects that name the test (quality.qualification) and, for skill tests, a skill level;
-- both are written through workforce's GrantService. Failing starts a cooldown.

CREATE TABLE qualification (
    id              text PRIMARY KEY,
    -- NULL for a platform-wide test (made by an admin or a workforce manager).
    owner_org_id    text,
    name            text             NOT NULL,
    kind            text             NOT NULL,
    -- How answers are validated and scored: a project's settings of this kind (labels, scale,
    -- criteria, quality), validated as project creation validates them.
    settings        jsonb            NOT NULL,
    instructions    text             NOT NULL DEFAULT '',
    grant_skill     text,
    grant_level     integer,
    pass_score      double precision NOT NULL DEFAULT 0.8,
    cooldown_hours  integer          NOT NULL DEFAULT 24,
    created_by      text             NOT NULL,
    created_at      timestamptz      NOT NULL DEFAULT now(),
    CHECK ((grant_skill IS NULL) = (grant_level IS NULL)),
    CHECK (pass_score > 0 AND pass_score <= 1),
    CHECK (cooldown_hours >= 0)
);
CREATE INDEX qualification_owner ON qualification (owner_org_id, created_at);

-- The gold items, in the order they are asked; data and answer in the customer's terms.
CREATE TABLE qualification_item (
    qualification_id  text    NOT NULL REFERENCES qualification (id),
    position          integer NOT NULL,
    data              jsonb   NOT NULL,
    answer            jsonb   NOT NULL,
    explanation       text,
    PRIMARY KEY (qualification_id, position)
);

CREATE TABLE qualification_attempt (
    id                text PRIMARY KEY,
    qualification_id  text        NOT NULL REFERENCES qualification (id),
    annotator_id      text        NOT NULL,
    started_at        timestamptz NOT NULL DEFAULT now(),
    finished_at       timestamptz,
    correct           integer     NOT NULL DEFAULT 0,
    answered          integer     NOT NULL DEFAULT 0,
    passed            boolean,
    cooldown_until    timestamptz
);
CREATE INDEX qualification_attempt_annotator
    ON qualification_attempt (annotator_id, qualification_id, started_at);
CREATE INDEX qualification_attempt_test ON qualification_attempt (qualification_id, started_at);
-- At most one attempt in progress per annotator and test, even when two calls race to start one.
CREATE UNIQUE INDEX qualification_attempt_open
    ON qualification_attempt (qualification_id, annotator_id) WHERE finished_at IS NULL;

-- One row per item shown in an attempt: written when the item is shown (so the shown order,
-- swapped, is recorded before the answer refers to it) and completed by the answer.
CREATE TABLE qualification_answer (
    attempt_id   text        NOT NULL REFERENCES qualification_attempt (id),
    position     integer     NOT NULL,
    swapped      boolean     NOT NULL,
    shown_at     timestamptz NOT NULL DEFAULT now(),
    -- In the customer's terms; NULL until answered.
    answer       jsonb,
    -- SHA-256 of the answer as sent (in the order shown), to tell a repeat from a change.
    answer_hash  text,
    correct      boolean,
    -- The first response to this answer, returned again when the same answer is repeated.
    response     jsonb,
    answered_at  timestamptz,
    PRIMARY KEY (attempt_id, position)
);
