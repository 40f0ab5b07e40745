package dev.o2c.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The close contract on a real PostgreSQL: the server named by {@code O2C_TEST_JDBC_URL}
 * (a database the test may create databases on), else an embedded PostgreSQL 18.
 */
class CloseOnPostgresIT extends CloseJobContract {

    @Override
    String freshStore(Path dir) {
        return TestPostgres.freshDatabase();
    }

    @Test
    void postgresAndH2GiveByteIdenticalOutputs() {
        Path h2 = tmp.resolve("on-h2");
        Cli onH2 = close("jdbc:h2:file:" + tmp.resolve("h2-store").toAbsolutePath().resolve("o2c"), h2);
        assertThat(onH2.exitCode()).as(onH2.err()).isZero();
        assertThat(Files2.hashes(h2)).isEqualTo(Files2.hashes(out));
    }

    /**
     * A production server usually sorts text by a language's rules (en_US and the like), where
     * H2 and the embedded server sort by code point: the outputs must not depend on which.
     * Customer ids partly in lower case put the two orders apart ({@code C0011} comes before
     * {@code c0010} by code point, after it by language).
     */
    @Test
    void aServerThatSortsTextByLanguageGivesTheSameBytes() throws IOException {
        Path mixed = tmp.resolve("mixed-case-input");
        try (Stream<Path> files = Files.walk(input)) {
            for (Path from : files.toList()) {
                Path to = mixed.resolve(input.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else if (from.getParent().equals(input) && from.toString().endsWith(".csv")) {
                    Files.writeString(to, Files.readString(from).replaceAll("\\bC(\\d{3}0)\\b", "c$1"));
                } else {
                    Files.copy(from, to);
                }
            }
        }
        String byLanguage = TestPostgres.freshDatabase("TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'");
        Path onPostgres = tmp.resolve("mixed-on-postgres");
        Path onH2 = tmp.resolve("mixed-on-h2");
        Cli pg = close(byLanguage, mixed, onPostgres);
        assertThat(pg.exitCode()).as(pg.err()).isZero();
        Cli h2 = close("jdbc:h2:file:" + tmp.resolve("mixed-h2-store").toAbsolutePath().resolve("o2c"), mixed, onH2);
        assertThat(h2.exitCode()).as(h2.err()).isZero();
        // the premise: this server orders the ids otherwise than by code point
        List<String> byServer = ids(byLanguage, "SELECT customer_id FROM customer ORDER BY customer_id");
        assertThat(byServer).contains("c0010").isNotEqualTo(byServer.stream().sorted().toList());
        assertThat(Files2.read(onH2.resolve("aging.csv"))).containsPattern("(?m)^c\\d{3}0,");
        assertThat(Files2.hashes(onPostgres)).isEqualTo(Files2.hashes(onH2));
    }

    private static List<String> ids(String jdbcUrl, String sql) {
        try (var c = java.sql.DriverManager.getConnection(jdbcUrl); var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            List<String> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            return ids;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
