package dev.o2c.jobs.close;

import dev.o2c.jobs.O2cProperties;
import dev.o2c.readers.bank.BankCsvProfile;
import dev.o2c.readers.erp.MappingProfile;
import java.util.List;
import dev.o2c.writers.store.Dialect;
import dev.o2c.writers.store.LedgerQueries;
import dev.o2c.writers.store.RunStore;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The month-end close: load, reconcile, compute, publish (DESIGN.md, the flow). */
@Configuration(proxyBeanMethods = false)
class CloseJobConfiguration {

    static final String JOB = "close";

    @Bean
    Job closeJob(JobRepository repository, Step load, Step reconcile, Step compute, Step publish) {
        return new JobBuilder(JOB, repository).start(load).next(reconcile).next(compute).next(publish).build();
    }

    /** Start and end of every step, to the log or the terminal. */
    private static final StepEvents EVENTS = StepEvents.forThisProcess();

    @Bean
    Step load(JobRepository repository, PlatformTransactionManager tx, JdbcTemplate jdbc, Dialect dialect,
              LedgerQueries queries, RunStore runs, O2cProperties properties, List<BankCsvProfile> profiles,
              List<MappingProfile> mappings) {
        TransactionTemplate perFile = new TransactionTemplate(tx);
        perFile.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new StepBuilder("load", repository)
                .tasklet(new LoadInputsTasklet(new InputLoader(jdbc, dialect, queries, profiles, properties.warnDueBeforeInvoice()), queries, runs, perFile, properties,
                        profiles, mappings), tx)
                .listener(EVENTS)
                .build();
    }

    @Bean
    Step reconcile(JobRepository repository, PlatformTransactionManager tx, LedgerQueries queries, RunStore runs,
                   O2cProperties properties) {
        return new StepBuilder(ReconcileTasklet.STEP, repository)
                .tasklet(new ReconcileTasklet(queries, runs, properties.matchingRules()), tx).listener(EVENTS).build();
    }

    @Bean
    Step compute(JobRepository repository, PlatformTransactionManager tx, LedgerQueries queries, RunStore runs,
                 O2cProperties properties) {
        return new StepBuilder(ComputeTasklet.STEP, repository).tasklet(new ComputeTasklet(queries, runs, properties), tx).listener(EVENTS)
                .build();
    }

    @Bean
    Step publish(JobRepository repository, PlatformTransactionManager tx, LedgerQueries queries, RunStore runs,
                 O2cProperties properties) {
        return new StepBuilder(PublishTasklet.STEP, repository).tasklet(new PublishTasklet(queries, runs, properties), tx).listener(EVENTS)
                .build();
    }
}
