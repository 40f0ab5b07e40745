package dev.o2c.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
}
