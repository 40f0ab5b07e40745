package dev.o2c.jobs.close;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.UncategorizedSQLException;

class StoreFailureTest {

    @Test
    void aFullDiskNamesTheStepTheTableAndWhatToDo() {
        var e = new UncategorizedSQLException("PreparedStatementCallback", "INSERT INTO open_item (run_id, seq) VALUES (?, ?)",
                new SQLException("ERROR: could not extend file \"base/16384/16402\": No space left on device", "53100"));
        assertThat(StoreFailure.describe("compute", e)).hasValueSatisfying(line -> assertThat(line)
                .startsWith("compute step, table open_item: the store's disk is full: free space")
                .contains("run the same command again", "SQLSTATE 53100"));
    }

    @Test
    void aLostConnectionSaysSo() {
        var e = new DataAccessResourceFailureException("PreparedStatementCallback; SQL [SELECT a, b FROM bank_transaction t WHERE x = ?];"
                + " An I/O error occurred while sending to the backend.",
                new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        assertThat(StoreFailure.describe("reconcile", e)).hasValueSatisfying(line -> assertThat(line)
                .startsWith("reconcile step, table bank_transaction: the connection to the store was lost"));
    }

    @Test
    void anH2ValueTooLongLeavesTheValueOut() {
        var e = new SQLException("Value too long for column \"KPIS_JSON CHARACTER VARYING(20)\": \"U&'{\\000a  \"\"as_of\"\"...\"; SQL statement:\n"
                + "INSERT INTO month_end_snapshot (as_of, run_id, kpis_json) VALUES (?, ?, ?) [22001-252]", "22001", 22001);
        assertThat(StoreFailure.describe("compute", new RuntimeException("wrapped", e))).hasValueSatisfying(line -> assertThat(line)
                .startsWith("compute step, table month_end_snapshot: a value is longer than its column allows")
                .endsWith("[SQLSTATE 22001: Value too long for column \"KPIS_JSON CHARACTER VARYING(20)\"]"));
    }

    @Test
    void aFailureThatIsNotTheStoresIsNotDescribed() {
        assertThat(StoreFailure.describe("load", new IllegalStateException("no"))).isEmpty();
    }
}
