-- Read model of the ACCESS table: each user's version, and one row per interview the user may take.
CREATE TABLE user_access (
    tenant_id  text        NOT NULL,
    user_id    text        NOT NULL,
    version    bigint      NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, user_id)
);

CREATE TABLE access_grants (
    tenant_id    text        NOT NULL,
    user_id      text        NOT NULL,
    interview_id text        NOT NULL,
    granted_at   timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, user_id, interview_id)
);

-- Who may take a given interview (revoking an interview for everyone, listing its candidates).
CREATE INDEX access_grants_by_interview ON access_grants (tenant_id, interview_id);
