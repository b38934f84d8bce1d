-- Read model of the interview catalogue, projected from the access-worker's outcomes.
CREATE TABLE interviews (
    tenant_id                           text        NOT NULL,
    interview_id                        text        NOT NULL,
    title                               text        NOT NULL,
    description                         text,
    duration_seconds                    integer     NOT NULL,
    is_default_access_allowed           boolean     NOT NULL,
    should_end_interview_after_duration boolean     NOT NULL,
    version                             bigint      NOT NULL,
    created_by                          text        NOT NULL,
    created_at                          timestamptz NOT NULL,
    updated_at                          timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, interview_id)
);

-- Paging through a tenant's catalogue, newest first.
CREATE INDEX interviews_by_tenant_created ON interviews (tenant_id, created_at DESC, interview_id);

-- The outcome of every command the access-worker decided, for clients polling GET /api/v1/requests/{id}.
CREATE TABLE command_outcomes (
    request_id    text        PRIMARY KEY,
    tenant_id     text        NOT NULL,
    outcome       text        NOT NULL,
    resource_type text,
    resource_id   text,
    version       bigint,
    message       text,
    errors        jsonb       NOT NULL DEFAULT '[]',
    completed_at  timestamptz NOT NULL DEFAULT now()
);

-- The gateway reads this schema, and only reads it.
GRANT USAGE ON SCHEMA access TO ${reader_role};
GRANT SELECT ON ALL TABLES IN SCHEMA access TO ${reader_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA access GRANT SELECT ON TABLES TO ${reader_role};
