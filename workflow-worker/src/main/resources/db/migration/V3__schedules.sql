-- Scheduled interviews, one row each; version guards every write.
CREATE TABLE schedules (
    tenant_id           text        NOT NULL,
    schedule_id         text        NOT NULL,
    interview_type      text        NOT NULL,
    title               text        NOT NULL,
    candidate_id        text        NOT NULL,
    candidate_name      text        NOT NULL,
    candidate_email     text        NOT NULL,
    candidate_timezone  text        NOT NULL,
    organizer_id        text        NOT NULL,
    scheduled_start     timestamptz NOT NULL,
    scheduled_end       timestamptz NOT NULL,
    timezone            text        NOT NULL,
    meeting_provider    text        NOT NULL,
    meeting_url         text,
    location            text,
    notes               text,
    status              text        NOT NULL,
    confirmed_by        text,
    confirmed_at        timestamptz,
    actual_start        timestamptz,
    actual_end          timestamptz,
    cancellation_reason text,
    cancelled_at        timestamptz,
    reschedule_count    integer     NOT NULL,
    allow_overlap       boolean     NOT NULL,
    version             bigint      NOT NULL,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, schedule_id)
);

-- The list filters: by time (upcoming, from/to), by status, as organizer, as candidate.
CREATE INDEX schedules_by_start ON schedules (tenant_id, scheduled_start);
CREATE INDEX schedules_by_status ON schedules (tenant_id, status, scheduled_start);
CREATE INDEX schedules_by_organizer ON schedules (tenant_id, organizer_id, scheduled_start);
CREATE INDEX schedules_by_candidate ON schedules (tenant_id, candidate_id, scheduled_start);

-- The panel, in order; "mine" and the interviewer filter go through it.
CREATE TABLE schedule_interviewers (
    tenant_id   text    NOT NULL,
    schedule_id text    NOT NULL,
    user_id     text    NOT NULL,
    position    integer NOT NULL,
    PRIMARY KEY (tenant_id, schedule_id, user_id),
    FOREIGN KEY (tenant_id, schedule_id) REFERENCES schedules ON DELETE CASCADE
);

CREATE INDEX schedule_interviewers_by_user ON schedule_interviewers (tenant_id, user_id);

CREATE TABLE schedule_feedback (
    tenant_id        text        NOT NULL,
    schedule_id      text        NOT NULL,
    interviewer_id   text        NOT NULL,
    overall_rating   smallint    NOT NULL,
    technical_skills smallint,
    communication    smallint,
    cultural_fit     smallint,
    problem_solving  smallint,
    recommendation   text        NOT NULL,
    strengths        text        NOT NULL,
    weaknesses       text        NOT NULL,
    notes            text        NOT NULL,
    private_notes    text        NOT NULL,
    custom_ratings   jsonb       NOT NULL,
    submitted_at     timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, schedule_id, interviewer_id),
    FOREIGN KEY (tenant_id, schedule_id) REFERENCES schedules ON DELETE CASCADE
);

GRANT SELECT ON ALL TABLES IN SCHEMA workflow TO ${reader_role};
