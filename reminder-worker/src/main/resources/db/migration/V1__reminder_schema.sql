-- The reminder-worker owns the reminder schema; the gateway reads it, and only reads it.
GRANT USAGE ON SCHEMA reminder TO ${reader_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA reminder GRANT SELECT ON TABLES TO ${reader_role};
