package dev.o2c.jobs.close;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * An embedded PostgreSQL (the tests' server) for a benchmark that runs {@code scripts/o2c}
 * against it: prints the JDBC URL of a fresh database on one line, then serves until its
 * standard input closes. The server is a process of its own, so the close's peak RSS is the
 * close's alone.
 */
public final class PostgresServer {

    private PostgresServer() {
    }

    public static void main(String[] args) throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            String server = pg.getJdbcUrl("postgres", "postgres");
            try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE o2c_bench");
            }
            System.out.println(server.replaceFirst("/postgres(\\?|$)", "/o2c_bench$1"));
            System.out.flush();
            while (System.in.read() >= 0) {
                // serves until the bench closes its end
            }
        }
    }
}
