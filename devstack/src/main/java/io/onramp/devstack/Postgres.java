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

/** A real PostgreSQL 17 (zonky embedded binaries), holding the {@code onramp} database and its two roles. */
final class Postgres implements AutoCloseable {

    static final String DATABASE = "onramp";

    private final EmbeddedPostgres postgres;

    private Postgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** @param durable fsync on (run mode keeps data); tests run with it off */
    static Postgres start(Path home, int port, boolean durable) {
        Ports.requireFree(port, "PostgreSQL");
        try {
            Path data = home.resolve("data");
            Files.createDirectories(home);
            var postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(home.resolve("binaries").toFile())
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("synchronous_commit", durable ? "on" : "off")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    .start();
            var started = new Postgres(postgres);
            started.initialise();
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL", e);
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    }

    int port() {
        return postgres.getPort();
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
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
