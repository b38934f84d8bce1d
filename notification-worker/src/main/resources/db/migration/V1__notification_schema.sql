-- The notification-worker owns the notification schema; the gateway reads it, and only reads it.
GRANT USAGE ON SCHEMA notification TO ${reader_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA notification GRANT SELECT ON TABLES TO ${reader_role};
