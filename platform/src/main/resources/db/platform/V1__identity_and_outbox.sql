-- Identity: customer orgs, people who log in, and customer API keys.
CREATE TABLE org (
    id          text PRIMARY KEY,
    name        text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE app_user (
    id             text PRIMARY KEY,
    email          text        NOT NULL,
    name           text        NOT NULL,
    password_hash  text        NOT NULL,
    roles          text[]      NOT NULL,
    org_id         text REFERENCES org (id),
    vendor         text,
    failed_logins  integer     NOT NULL DEFAULT 0,
    locked_until   timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT app_user_roles_known CHECK (
        roles <@ ARRAY['ADMIN', 'CUSTOMER', 'MANAGER', 'REVIEWER', 'ANNOTATOR']::text[]
        AND cardinality(roles) > 0)
);
CREATE UNIQUE INDEX app_user_email_unique ON app_user (lower(email));
CREATE INDEX app_user_org ON app_user (org_id) WHERE org_id IS NOT NULL;

CREATE TABLE api_key (
    id            text PRIMARY KEY,
    org_id        text        NOT NULL REFERENCES org (id),
    name          text        NOT NULL,
    prefix        text        NOT NULL,
    key_hash      bytea       NOT NULL UNIQUE,
    created_at    timestamptz NOT NULL DEFAULT now(),
    revoked_at    timestamptz,
    last_used_at  timestamptz
);
CREATE INDEX api_key_org ON api_key (org_id);

-- The transactional outbox: written in the same transaction as the change it announces.
CREATE TABLE outbox (
    seq          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id     uuid        NOT NULL UNIQUE,
    topic        text        NOT NULL,
    event_key    text        NOT NULL,
    event_type   text        NOT NULL,
    version      integer     NOT NULL,
    occurred_at  timestamptz NOT NULL,
    payload      jsonb       NOT NULL,
    sent_at      timestamptz
);
CREATE INDEX outbox_unsent ON outbox (seq) WHERE sent_at IS NULL;

-- What each consumer has already handled, written in the same transaction as its effect.
CREATE TABLE handled_event (
    consumer    text        NOT NULL,
    event_id    uuid        NOT NULL,
    handled_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
