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
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The two jobs (DESIGN.md, the flow): the month-end close (load, reconcile, compute, publish) and the
 * nightly run (load, reconcile, report), which share their first two steps.
 */
@Configuration(proxyBeanMethods = false)
class CloseJobConfiguration {

    @Bean
    Job closeJob(JobRepository repository, @Qualifier("load") Step load, @Qualifier("reconcile") Step reconcile,
                 @Qualifier("compute") Step compute, @Qualifier("publish") Step publish) {
        return new JobBuilder(RunKind.CLOSE.jobName(), repository).start(load).next(reconcile).next(compute).next(publish).build();
    }

    @Bean
    Job nightlyJob(JobRepository repository, @Qualifier("load") Step load, @Qualifier("reconcile") Step reconcile,
                   @Qualifier("report") Step report) {
        return new JobBuilder(RunKind.NIGHTLY.jobName(), repository).start(load).next(reconcile).next(report).build();
    }

    /** Start and end of every step, to the log or the terminal. */
    private static final StepEvents EVENTS = StepEvents.forThisProcess();

    /** What a step hands the next in this process (the ledger for compute, the open items for publish). */
    private final Handover handover = new Handover();

    @Bean
    Step load(JobRepository repository, PlatformTransactionManager tx, JdbcTemplate jdbc, Dialect dialect,
              LedgerQueries queries, RunStore runs, O2cProperties properties, List<BankCsvProfile> profiles,
              List<MappingProfile> mappings) {
        TransactionTemplate perFile = new TransactionTemplate(tx);
        perFile.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new StepBuilder("load", repository)
                .tasklet(new LoadInputsTasklet(new InputLoader(jdbc, dialect, queries, profiles, properties.warnDueBeforeInvoice(), properties.readingRules()), queries, runs, perFile, properties,
                        profiles, mappings), tx)
                .listener(EVENTS)
                .build();
    }

    @Bean
    Step reconcile(JobRepository repository, PlatformTransactionManager tx, LedgerQueries queries, RunStore runs,
                   O2cProperties properties) {
        return new StepBuilder(ReconcileTasklet.STEP, repository)
                .tasklet(new ReconcileTasklet(queries, runs, properties.matchingRules(), handover), tx).listener(EVENTS).build();
    }

    @Bean
    Step compute(JobRepository repository, PlatformTransactionManager tx, LedgerQueries queries, RunStore runs,
                 O2cProperties properties) {
        return new StepBuilder(ComputeTasklet.STEP, repository).tasklet(new ComputeTasklet(queries, runs, properties, handover), tx).listener(EVENTS)
                .build();
    }

    @Bean
    Step publish(JobRepository repository, PlatformTransactionManager tx, LedgerQueries queries, RunStore runs,
                 O2cProperties properties) {
        return new StepBuilder(PublishTasklet.STEP, repository).tasklet(new PublishTasklet(queries, runs, properties, handover), tx).listener(EVENTS)
                .build();
    }

    @Bean
    Step report(JobRepository repository, PlatformTransactionManager tx, LedgerQueries queries, RunStore runs,
                O2cProperties properties) {
        return new StepBuilder(DailyReportTasklet.STEP, repository).tasklet(new DailyReportTasklet(queries, runs, properties, handover), tx)
                .listener(EVENTS).build();
    }
}
