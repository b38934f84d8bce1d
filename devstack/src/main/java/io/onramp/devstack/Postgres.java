package io.onramp.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A real PostgreSQL 17 (zonky embedded binaries), holding the {@code onramp} database and its two roles. It can be
 * stopped and started again on the same port with the same data, for runs of the platform losing its database.
 */
final class Postgres implements AutoCloseable {

    static final String DATABASE = "onramp";

    private final Path home;
    private final int port;
    private final boolean durable;
    private EmbeddedPostgres postgres;

    private Postgres(Path home, int port, boolean durable) {
        this.home = home;
        this.port = port;
        this.durable = durable;
    }

    /** @param durable fsync on (run mode keeps data); tests run with it off */
    static Postgres start(Path home, int port, boolean durable) {
        var started = new Postgres(home, port, durable);
        started.up();
        started.initialise();
        return started;
    }

    /** Starts the server (again), with the data it had. */
    synchronized void up() {
        if (postgres != null) {
            return;
        }
        Ports.requireFree(port, "PostgreSQL");
        try {
            Files.createDirectories(home);
            postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(home.resolve("data"))
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(home.resolve("binaries").toFile())
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("synchronous_commit", durable ? "on" : "off")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL", e);
        }
    }

    /** Stops the server (its clients' connections are closed, new ones refused); {@link #up()} starts it again. */
    synchronized void down() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
            postgres = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop PostgreSQL", e);
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    private void initialise() {
        try (Connection admin = postgres.getPostgresDatabase().getConnection()) {
            boolean exists;
            try (var rs = admin.createStatement()
                    .executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                exists = rs.next();
            }
            if (!exists) {
                admin.createStatement().execute("CREATE DATABASE " + DATABASE);
            }
            DataSource onramp = postgres.getDatabase("postgres", DATABASE);
            try (Connection connection = onramp.getConnection()) {
                connection.createStatement().execute(initScript());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot initialise the onramp database", e);
        }
    }

    private static String initScript() {
        try (InputStream in = Postgres.class.getResourceAsStream("/postgres/init.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        down();
    }
}
