-- Qualification tests an annotator passed (quality-review runs the tests and grants through the
-- workforce service), and projects quality paused them on for low trust.
CREATE TABLE qualification_grant (
    annotator_id      text        NOT NULL,
    qualification_id  text        NOT NULL,
    granted_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (annotator_id, qualification_id)
);

CREATE TABLE project_pause (
    annotator_id  text        NOT NULL,
    project_id    text        NOT NULL,
    reason        text        NOT NULL,
    since         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (annotator_id, project_id)
);
