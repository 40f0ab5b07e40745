package dev.o2c.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The close contract on a real PostgreSQL: the server named by {@code O2C_TEST_JDBC_URL}
 * (a database the test may create databases on), else an embedded PostgreSQL 18.
 */
class CloseOnPostgresIT extends CloseJobContract {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private EmbeddedPostgres embedded;
    private String server;

    @Override
    String freshStore(Path dir) {
        try {
            if (server == null) {
                String given = System.getenv("O2C_TEST_JDBC_URL");
                if (given != null && !given.isBlank()) {
                    server = given;
                } else {
                    embedded = EmbeddedPostgres.builder().start();
                    server = embedded.getJdbcUrl("postgres", "postgres");
                }
            }
            String name = "o2c_it_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
            try (Connection c = java.sql.DriverManager.getConnection(server); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
            return server.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot start or reach PostgreSQL: " + e.getMessage(), e);
        }
    }

    @AfterAll
    void stop() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }

    @Test
    void postgresAndH2GiveByteIdenticalOutputs() {
        Path h2 = tmp.resolve("on-h2");
        Cli onH2 = close("jdbc:h2:file:" + tmp.resolve("h2-store").toAbsolutePath().resolve("o2c"), h2);
        assertThat(onH2.exitCode()).as(onH2.err()).isZero();
        assertThat(Files2.hashes(h2)).isEqualTo(Files2.hashes(out));
    }
}
