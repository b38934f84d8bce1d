package io.onramp.bench;

import io.onramp.devstack.Infrastructure;
import java.sql.DriverManager;

/** The benchmark stack's PostgreSQL, set to run as users run it. */
public final class BenchPostgres {

    private BenchPostgres() {}

    /** The test stack runs PostgreSQL without fsync; both sides of a comparison are measured durable. */
    public static void durable(Infrastructure infrastructure) throws Exception {
        try (var admin = DriverManager.getConnection(infrastructure.jdbcUrl(), "postgres", "")) {
            admin.createStatement().execute("ALTER SYSTEM SET fsync = on");
            admin.createStatement().execute("ALTER SYSTEM SET synchronous_commit = on");
            admin.createStatement().execute("SELECT pg_reload_conf()");
        }
    }
}
