-- Roles of the Onramp database, run once as a superuser against the onramp database (devstack and docker-compose).
-- Workers connect as onramp and own their schemas; the gateway connects as onramp_reader and can only read.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'onramp') THEN
    CREATE ROLE onramp LOGIN PASSWORD 'onramp';
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'onramp_reader') THEN
    CREATE ROLE onramp_reader LOGIN PASSWORD 'onramp_reader';
  END IF;
END
$$;
ALTER ROLE onramp_reader SET default_transaction_read_only = on;
ALTER DATABASE onramp OWNER TO onramp;
GRANT CONNECT ON DATABASE onramp TO onramp_reader;
