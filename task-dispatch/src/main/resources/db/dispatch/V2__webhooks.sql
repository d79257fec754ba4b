-- Per-project webhooks and the log of every delivery attempt's outcome.
CREATE TYPE delivery_status AS ENUM ('pending', 'delivered', 'failed');

CREATE TABLE webhook (
    id          text PRIMARY KEY,
    project_id  text        NOT NULL REFERENCES project (id),
    url         text        NOT NULL,
    secret      text        NOT NULL,
    events      text[]      NOT NULL,
    active      boolean     NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_project ON webhook (project_id) WHERE active;

CREATE TABLE webhook_delivery (
    id               text PRIMARY KEY,
    webhook_id       text            NOT NULL REFERENCES webhook (id),
    event_id         uuid            NOT NULL,
    event_type       text            NOT NULL,
    body             text            NOT NULL,
    status           delivery_status NOT NULL DEFAULT 'pending',
    attempts         integer         NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz     NOT NULL DEFAULT now(),
    last_status      integer,
    last_error       text,
    created_at       timestamptz     NOT NULL DEFAULT now(),
    delivered_at     timestamptz,
    CONSTRAINT webhook_delivery_once UNIQUE (webhook_id, event_id)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_delivery_log ON webhook_delivery (webhook_id, created_at);
