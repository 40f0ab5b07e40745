package dev.o2c.jobs;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL for the tests: the server named by {@code O2C_TEST_JDBC_URL} (a database
 * the tests may create databases on), else one embedded PostgreSQL 18 for the whole test JVM,
 * stopped when the JVM ends. Each call gives a fresh, empty database.
 */
final class TestPostgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static String server;

    private TestPostgres() {
    }

    static String freshDatabase() {
        return freshDatabase("");
    }

    /** A fresh database created with {@code options} (CREATE DATABASE's, such as its locale). */
    static synchronized String freshDatabase(String options) {
        try {
            if (server == null) {
                String given = System.getenv("O2C_TEST_JDBC_URL");
                if (given != null && !given.isBlank()) {
                    server = given;
                } else {
                    EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        try {
                            embedded.close();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }));
                    server = embedded.getJdbcUrl("postgres", "postgres");
                }
            }
            String name = "o2c_it_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
            try (Connection c = java.sql.DriverManager.getConnection(server); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name + (options.isEmpty() ? "" : " " + options));
            }
            return server.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot start or reach PostgreSQL: " + e.getMessage(), e);
        }
    }
}
