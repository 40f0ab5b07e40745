package dev.o2c.jobs.close;

import dev.o2c.domain.controls.Control;
import dev.o2c.domain.figures.Ledger;
import dev.o2c.domain.figures.MonthEnd;
import dev.o2c.domain.figures.MonthEndCalculator;
import dev.o2c.domain.figures.MonthEndFigures;
import dev.o2c.domain.figures.SnapshotCheck;
import dev.o2c.domain.figures.Trend;
import dev.o2c.jobs.O2cProperties;
import dev.o2c.writers.out.KpisJson;
import dev.o2c.writers.store.LedgerQueries;
import dev.o2c.writers.store.RunStore;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The figures step: open items and aging as of the date, DSO, CEI, cash-application
 * rates, the roll-forward, allowance, credit exposure and collections, with their controls;
 * the trend from earlier month-ends' snapshots; the month-end's snapshot recorded (the
 * latest month-end's replaced at each close) or, once a later month-end is closed, checked.
 * Replaces the run's open items, figures, controls and exceptions of this step in one
 * transaction.
 */
final class ComputeTasklet implements Tasklet {

    static final String STEP = "compute";
    private static final Logger LOG = LoggerFactory.getLogger(ComputeTasklet.class);

    private final LedgerQueries queries;
    private final RunStore runs;
    private final O2cProperties properties;
    private final Handover handover;

    ComputeTasklet(LedgerQueries queries, RunStore runs, O2cProperties properties, Handover handover) {
        this.queries = queries;
        this.runs = runs;
        this.properties = properties;
        this.handover = handover;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        CloseParameters run = CloseParameters.of(chunkContext.getStepContext().getJobParameters());
        Phases phases = new Phases(STEP);
        Ledger ledger = LedgerSource.read(queries, handover, chunkContext.getStepContext().getStepExecution().getJobExecutionId(),
                runs.cashAllocations(run.runId()), properties.currency());
        phases.done("read the ledger");
        MonthEnd result = new MonthEndCalculator(properties.buckets(), properties.figureRules()).compute(run.asOf(), ledger);
        phases.done("figures");
        // the trend: the month-ends before this one as their snapshots recorded them
        List<MonthEndFigures> earlier = new ArrayList<>();
        for (RunStore.Snapshot s : runs.snapshots(run.asOf().withDayOfMonth(1).minusMonths(Trend.MONTHS), run.asOf().withDayOfMonth(1))) {
            earlier.add(KpisJson.read(s.kpisJson()));
        }
        MonthEndFigures figures = result.figures().withTrend(Trend.of(earlier, result.figures()));
        String kpis = KpisJson.write(figures);
        List<Control> controls = new ArrayList<>(result.controls());
        if (run.asOf().equals(run.asOf().with(TemporalAdjusters.lastDayOfMonth()))) {
            // the latest month-end is still being closed (corrections come in, the close runs again):
            // its snapshot follows each close. Once a later month-end is closed it is history:
            // its snapshot is fixed, and closing it again must give the same figures.
            RunStore.Snapshot snapshot = runs.snapshot(run.asOf());
            if (snapshot != null && runs.hasSnapshotAfter(run.asOf())) {
                controls.addAll(SnapshotCheck.controls(KpisJson.read(snapshot.kpisJson()), snapshot.runId(), figures));
            } else {
                runs.saveSnapshot(run.asOf(), run.runId(), kpis);
            }
        }
        phases.done("trend and snapshot");
        runs.replaceOpenItems(run.runId(), result.aging().items());
        handover.keepOpenItems(chunkContext.getStepContext().getStepExecution().getJobExecutionId(), result.aging().items());
        phases.done("write open items");
        PausePoint.reached(PausePoint.AFTER_OPEN_ITEMS);
        runs.saveFigures(run.runId(), kpis);
        runs.replaceControls(run.runId(), STEP, controls);
        runs.replaceExceptions(run.runId(), STEP, result.exceptions());
        phases.done("write figures, controls, exceptions");
        contribution.incrementWriteCount(result.aging().items().size());
        LOG.info("figures as of {}: {} open items, total open {} {}", run.asOf(), result.aging().items().size(),
                result.figures().aging().totalOpen().toPlainString(), result.figures().functionalCurrency().getCurrencyCode());
        return RepeatStatus.FINISHED;
    }
}
