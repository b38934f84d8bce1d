-- The people directory: where each user of a tenant is reached, and the zone and locale mail is written in.
-- Kept from the compacted topic people (gateway PUTs and upstream PersonEvents); a tombstone deletes the row.
CREATE TABLE people (
    tenant_id  text        NOT NULL,
    user_id    text        NOT NULL,
    email      text        NOT NULL,
    name       text,
    timezone   text,
    locale     text,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, user_id)
);

CREATE INDEX people_by_tenant ON people (tenant_id, user_id);

-- Upstream PersonEvents that break the directory's rules: recorded, skipped, never applied.
CREATE TABLE people_rejections (
    topic_partition integer     NOT NULL,
    topic_offset    bigint      NOT NULL,
    tenant_id       text,
    user_id         text,
    errors          jsonb       NOT NULL,
    rejected_at     timestamptz NOT NULL,
    PRIMARY KEY (topic_partition, topic_offset)
);

-- The delivery log: every notification, inserted (idempotently, by its deterministic id) before anything is sent.
-- Senders claim due rows with FOR UPDATE SKIP LOCKED and a lease (owner, expiry); see docs/decisions.md.
CREATE TABLE notifications (
    id                 uuid        PRIMARY KEY,
    tenant_id          text        NOT NULL,
    kind               text        NOT NULL,
    channel            text        NOT NULL,
    recipient_id       text        NOT NULL,
    recipient          text,        -- the address; null when none is known (status undeliverable)
    recipient_name     text,
    subject            text        NOT NULL,
    body_text          text        NOT NULL,
    body_html          text        NOT NULL,
    calendar           text,        -- the iCalendar invite, with the kinds that carry one
    status             text        NOT NULL,
    attempts           integer     NOT NULL DEFAULT 0,
    next_attempt_at    timestamptz,
    last_error         text,
    lease_owner        text,
    lease_until        timestamptz,
    source             text        NOT NULL,
    source_occurred_at timestamptz NOT NULL,
    schedule_id        text,
    guest_id           text,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    sent_at            timestamptz
);

CREATE INDEX notifications_due ON notifications (next_attempt_at) WHERE status IN ('pending', 'failed');
CREATE INDEX notifications_leased ON notifications (lease_until) WHERE status = 'sending';
CREATE INDEX notifications_by_schedule ON notifications (tenant_id, schedule_id, created_at);
CREATE INDEX notifications_by_guest ON notifications (tenant_id, guest_id, created_at);
CREATE INDEX notifications_by_recipient ON notifications (tenant_id, recipient_id, created_at);
CREATE INDEX notifications_by_tenant ON notifications (tenant_id, created_at, id);
CREATE INDEX notifications_by_age ON notifications (updated_at);

-- Status changes waiting to be published on notification-events, written in the transaction that made them and
-- relayed in order (a transactional outbox): a crash between the change and its publication loses nothing.
CREATE TABLE notification_outbox (
    seq             bigserial   PRIMARY KEY,
    notification_id uuid        NOT NULL,
    status          text        NOT NULL,
    attempts        integer     NOT NULL,
    last_error      text,
    occurred_at     timestamptz NOT NULL
);

-- The outcome of every command the notification-worker decided (people, resends), for GET /api/v1/requests/{id}.
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
