package dev.o2c.jobs.close;

import dev.o2c.domain.figures.Ledger;
import dev.o2c.domain.figures.MonthEnd;
import dev.o2c.domain.figures.MonthEndCalculator;
import dev.o2c.jobs.O2cProperties;
import dev.o2c.writers.out.KpisJson;
import dev.o2c.writers.store.LedgerQueries;
import dev.o2c.writers.store.RunStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The figures step: open items and aging as of the date, DSO, CEI, cash-application
 * rates and the roll-forward, with their controls. Replaces the run's open items,
 * figures, controls and exceptions of this step in one transaction.
 */
final class ComputeTasklet implements Tasklet {

    static final String STEP = "compute";
    private static final Logger LOG = LoggerFactory.getLogger(ComputeTasklet.class);

    private final LedgerQueries queries;
    private final RunStore runs;
    private final O2cProperties properties;

    ComputeTasklet(LedgerQueries queries, RunStore runs, O2cProperties properties) {
        this.queries = queries;
        this.runs = runs;
        this.properties = properties;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        CloseParameters run = CloseParameters.of(chunkContext.getStepContext().getJobParameters());
        Ledger ledger = LedgerSource.read(queries, runs.cashAllocations(run.runId()), properties.currency());
        MonthEnd result = new MonthEndCalculator(properties.buckets()).compute(run.asOf(), ledger);
        runs.replaceOpenItems(run.runId(), result.aging().items());
        runs.saveFigures(run.runId(), KpisJson.write(result.figures()));
        runs.replaceControls(run.runId(), STEP, result.controls());
        runs.replaceExceptions(run.runId(), STEP, result.exceptions());
        contribution.incrementWriteCount(result.aging().items().size());
        LOG.info("figures as of {}: {} open items, total open {} {}", run.asOf(), result.aging().items().size(),
                result.figures().aging().totalOpen().toPlainString(), result.figures().functionalCurrency().getCurrencyCode());
        return RepeatStatus.FINISHED;
    }
}
