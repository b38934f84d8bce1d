-- Read model of reminders: one row per reminder id (<schedule_id>:<kind>:<version>), kept after it fired, was skipped
-- or was cancelled, so that an interview's whole reminder history reads in one query.
CREATE TABLE reminders (
    tenant_id    text        NOT NULL,
    reminder_id  text        NOT NULL,
    schedule_id  text        NOT NULL,
    kind         text        NOT NULL, -- 1day, 1hour or 15min
    version      bigint      NOT NULL,
    status       text        NOT NULL,
    due_at       timestamptz NOT NULL,
    window_start timestamptz NOT NULL,
    window_end   timestamptz NOT NULL,
    fired_at     timestamptz,
    updated_at   timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, reminder_id)
);

CREATE INDEX reminders_by_schedule ON reminders (tenant_id, schedule_id, version, due_at);
