-- Scheduling templates: the type, duration and title an interview gets unless its request says otherwise.
CREATE TABLE schedule_templates (
    tenant_id        text        NOT NULL,
    template_id      text        NOT NULL,
    interview_type   text        NOT NULL,
    duration_minutes integer     NOT NULL,
    title            text,
    version          bigint      NOT NULL,
    updated_at       timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, template_id)
);

GRANT SELECT ON ALL TABLES IN SCHEMA workflow TO ${reader_role};
