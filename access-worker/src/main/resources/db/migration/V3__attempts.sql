-- Read model of attempts. Soft-deleted attempts stay, flagged.
CREATE TABLE attempts (
    tenant_id              text        NOT NULL,
    attempt_id             text        NOT NULL,
    interview_id           text        NOT NULL,
    user_id                text        NOT NULL,
    status                 text        NOT NULL,
    start_datetime         timestamptz NOT NULL,
    scheduled_end_datetime timestamptz,
    end_datetime           timestamptz,
    deleted                boolean     NOT NULL DEFAULT false,
    version                bigint      NOT NULL,
    updated_at             timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, attempt_id)
);

-- A user's own attempts, newest first; and the tenant-wide list, by interview.
CREATE INDEX attempts_by_user ON attempts (tenant_id, user_id, start_datetime DESC) WHERE NOT deleted;
CREATE INDEX attempts_by_interview ON attempts (tenant_id, interview_id, start_datetime DESC) WHERE NOT deleted;
