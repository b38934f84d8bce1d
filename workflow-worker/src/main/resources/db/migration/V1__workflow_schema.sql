-- The workflow-worker owns the workflow schema; the gateway reads it, and only reads it.
GRANT USAGE ON SCHEMA workflow TO ${reader_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA workflow GRANT SELECT ON TABLES TO ${reader_role};
