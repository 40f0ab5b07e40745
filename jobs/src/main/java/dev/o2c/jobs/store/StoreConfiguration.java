package dev.o2c.jobs.store;

import dev.o2c.writers.store.Dialect;
import dev.o2c.writers.store.LedgerQueries;
import dev.o2c.writers.store.RunStore;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The store's access objects over the one data source the job repository shares. */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    @Bean
    Dialect dialect(DataSource dataSource) {
        return Dialect.of(dataSource);
    }

    @Bean
    LedgerQueries ledgerQueries(JdbcTemplate jdbc) {
        return new LedgerQueries(jdbc);
    }

    @Bean
    RunStore runStore(JdbcTemplate jdbc, Dialect dialect) {
        return new RunStore(jdbc, dialect);
    }
}
