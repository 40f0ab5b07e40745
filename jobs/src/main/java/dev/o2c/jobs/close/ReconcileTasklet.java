package dev.o2c.jobs.close;

import dev.o2c.domain.cashapp.CashApplication;
import dev.o2c.domain.cashapp.FirstCashApplier;
import dev.o2c.writers.store.LedgerQueries;
import dev.o2c.writers.store.RunStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The reconcile step: bank lines against ERP receipts, then cash application of every
 * other bank credit. Replaces the run's allocations and reconcile exceptions in one
 * transaction, so a rerun leaves exactly one set.
 */
final class ReconcileTasklet implements Tasklet {

    static final String STEP = "reconcile";
    private static final Logger LOG = LoggerFactory.getLogger(ReconcileTasklet.class);

    private final LedgerQueries queries;
    private final RunStore runs;

    ReconcileTasklet(LedgerQueries queries, RunStore runs) {
        this.queries = queries;
        this.runs = runs;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        CloseParameters run = CloseParameters.of(chunkContext.getStepContext().getJobParameters());
        var bank = queries.bankTransactions();
        CashApplication result = new FirstCashApplier(queries.customers(), queries.documents(), queries.receipts()).apply(bank);
        runs.replaceCashAllocations(run.runId(), result.allocations());
        runs.replaceExceptions(run.runId(), STEP, result.exceptions());
        contribution.incrementWriteCount(result.allocations().size());
        LOG.info("cash application: {} bank lines, {} allocation rows, {} exceptions", bank.size(),
                result.allocations().size(), result.exceptions().size());
        return RepeatStatus.FINISHED;
    }
}
