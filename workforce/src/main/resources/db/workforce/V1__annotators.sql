-- Annotator profiles: the workforce side of a login with role ANNOTATOR.
CREATE TYPE annotator_status AS ENUM ('active', 'suspended');

CREATE TABLE annotator (
    user_id        text PRIMARY KEY,
    name           text             NOT NULL,
    languages      text[]           NOT NULL DEFAULT '{}',
    skills         jsonb            NOT NULL DEFAULT '{}'::jsonb,
    tier           integer          NOT NULL DEFAULT 1 CHECK (tier BETWEEN 1 AND 5),
    locale         text,
    timezone       text             NOT NULL DEFAULT 'UTC',
    pay_currency   char(3)          NOT NULL DEFAULT 'USD',
    vendor         text,
    status         annotator_status NOT NULL DEFAULT 'active',
    status_reason  text,
    created_at     timestamptz      NOT NULL DEFAULT now()
);
CREATE INDEX annotator_vendor ON annotator (vendor) WHERE vendor IS NOT NULL;
