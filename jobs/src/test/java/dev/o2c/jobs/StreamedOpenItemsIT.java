package dev.o2c.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.domain.aging.AgedItem;
import dev.o2c.domain.money.Money;
import dev.o2c.domain.openitems.OpenItem;
import dev.o2c.domain.openitems.OpenItemType;
import dev.o2c.writers.store.RunStore;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The publish step reads the open items twice, once on a helper thread with no transaction of its
 * own; on PostgreSQL either read must come a few thousand rows at a time (an open portal on the
 * server), not as a whole result held in the driver.
 */
class StreamedOpenItemsIT {

    @Test
    void openItemsComeFromAnOpenPortalOnAThreadWithoutATransaction() throws Exception {
        String url = TestPostgres.freshDatabase();
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
                .load().migrate();
        // one connection for the whole test: the check below runs in the same session as the read it checks
        SingleConnectionDataSource one = new SingleConnectionDataSource(url, true);
        try {
            JdbcTemplate jdbc = new JdbcTemplate(one);
            RunStore runs = new RunStore(jdbc, dev.o2c.writers.store.Dialect.POSTGRESQL);
            Money usd = Money.of(new BigDecimal("10.00"), Money.currency("USD"));
            List<AgedItem> items = new ArrayList<>();
            for (int k = 0; k < 12_000; k++) {
                LocalDate due = LocalDate.of(2024, 1, 1).plusDays(k % 300);
                items.add(new AgedItem(new OpenItem("C" + k % 50, "INV-" + k, OpenItemType.INVOICE, due.minusDays(30), due, usd, false),
                        k % 300, 0, "Current", usd));
            }
            runs.replaceOpenItems("run-1", items);
            assertThat(runs.openItemCount("run-1")).isEqualTo(12_000);

            String portals = "SELECT count(*) FROM pg_cursors WHERE NOT is_holdable";
            long itself = jdbc.queryForObject(portals, Long.class); // the checking query's own portal
            AtomicLong portalsAtFirstRow = new AtomicLong(-1);
            AtomicInteger read = new AtomicInteger();
            AtomicLong autoCommitAfter = new AtomicLong(-1);
            Thread helper = new Thread(() -> {
                runs.forEachOpenItem("run-1", item -> {
                    if (read.getAndIncrement() == 0) {
                        portalsAtFirstRow.set(jdbc.queryForObject(portals, Long.class));
                    }
                });
                autoCommitAfter.set(jdbc.execute((java.sql.Connection c) -> c.getAutoCommit() ? 1L : 0L));
            });
            helper.start();
            helper.join();
            assertThat(read.get()).isEqualTo(12_000);
            assertThat(portalsAtFirstRow.get()).as("the result's portal still open at its first row").isEqualTo(itself + 1);
            assertThat(autoCommitAfter.get()).as("the connection given back as it was taken").isEqualTo(1);
        } finally {
            one.destroy();
        }
    }
}
