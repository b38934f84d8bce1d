-- Every version of every workflow definition, as stored (groups and tasks as JSON, in order).
CREATE TABLE workflow_definitions (
    tenant_id     text        NOT NULL,
    definition_id text        NOT NULL,
    version       integer     NOT NULL,
    groups        jsonb       NOT NULL,
    updated_by    text        NOT NULL,
    updated_at    timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, definition_id, version)
);

-- One row per enrolled guest: the TASK-STATE table's projection. version guards every write.
CREATE TABLE guest_workflows (
    tenant_id          text        NOT NULL,
    guest_id           text        NOT NULL,
    definition_id      text        NOT NULL,
    definition_version integer     NOT NULL,
    status             text        NOT NULL,
    version            bigint      NOT NULL,
    enrolled_at        timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, guest_id)
);

-- Guests by definition, for coordinators' listings.
CREATE INDEX guest_workflows_by_definition ON guest_workflows (tenant_id, definition_id, status);

CREATE TABLE guest_task_groups (
    tenant_id text    NOT NULL,
    guest_id  text    NOT NULL,
    group_key text    NOT NULL,
    position  integer NOT NULL,
    title     text    NOT NULL,
    status    text    NOT NULL,
    PRIMARY KEY (tenant_id, guest_id, group_key),
    FOREIGN KEY (tenant_id, guest_id) REFERENCES guest_workflows ON DELETE CASCADE
);

CREATE TABLE guest_tasks (
    tenant_id     text        NOT NULL,
    guest_id      text        NOT NULL,
    task_key      text        NOT NULL,
    group_key     text        NOT NULL,
    position      integer     NOT NULL,
    title         text        NOT NULL,
    description   text        NOT NULL,
    link_text     text        NOT NULL,
    link_url_path text        NOT NULL,
    status        text        NOT NULL,
    note          text,
    updated_at    timestamptz,
    PRIMARY KEY (tenant_id, guest_id, task_key),
    FOREIGN KEY (tenant_id, guest_id) REFERENCES guest_workflows ON DELETE CASCADE
);

-- The responses submitted with a task: generic JSON, no per-form tables.
CREATE TABLE guest_task_data (
    tenant_id  text        NOT NULL,
    guest_id   text        NOT NULL,
    task_key   text        NOT NULL,
    responses  jsonb       NOT NULL,
    updated_at timestamptz,
    PRIMARY KEY (tenant_id, guest_id, task_key),
    FOREIGN KEY (tenant_id, guest_id) REFERENCES guest_workflows ON DELETE CASCADE
);

-- The outcome of every command the workflow-worker decided, for clients polling GET /api/v1/requests/{id}.
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

GRANT SELECT ON ALL TABLES IN SCHEMA workflow TO ${reader_role};
