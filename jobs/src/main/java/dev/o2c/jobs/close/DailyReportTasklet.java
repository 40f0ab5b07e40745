package dev.o2c.jobs.close;

import dev.o2c.domain.cashapp.CashAllocation;
import dev.o2c.domain.controls.Control;
import dev.o2c.domain.controls.ExceptionItem;
import dev.o2c.domain.figures.DailyCashApplication;
import dev.o2c.jobs.CodeVersion;
import dev.o2c.jobs.O2cProperties;
import dev.o2c.reports.CashApplicationWorkbook;
import dev.o2c.writers.out.CsvOutputs;
import dev.o2c.writers.out.DailyJson;
import dev.o2c.writers.out.Manifest;
import dev.o2c.writers.out.SafeCsvPrinter;
import dev.o2c.writers.store.InputFile;
import dev.o2c.writers.store.LedgerQueries;
import dev.o2c.writers.store.RunStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The nightly run's report step: the night's bank credits (those of the statement files in its
 * input folder) with where each went, their figures by status, the exceptions about those credits
 * and every other exception reconcile found, the workbook the morning works from (the same rows),
 * the rejects, and the manifest last. Written from what the run stored, so a restarted step
 * writes the same bytes. A failed control is marked, as in the close, and the run ends with exit 3.
 */
final class DailyReportTasklet implements Tasklet {

    static final String STEP = "report";
    private static final Logger LOG = LoggerFactory.getLogger(DailyReportTasklet.class);
    private final Handover handover;

    private final LedgerQueries queries;
    private final RunStore runs;
    private final O2cProperties properties;

    DailyReportTasklet(LedgerQueries queries, RunStore runs, O2cProperties properties, Handover handover) {
        this.handover = handover;
        this.queries = queries;
        this.runs = runs;
        this.properties = properties;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        handover.clear(); // the nightly computes no figures: what reconcile kept for them is not needed

        CloseParameters run = CloseParameters.of(chunkContext.getStepContext().getJobParameters());
        OutputFolder out = new OutputFolder(run.out());
        List<InputFile> inputs = runs.inputs(run.runId());
        List<Control> controls = RunInputs.controls(inputs, properties.maxRejectedShare());
        controls.addAll(runs.controls(run.runId(), List.of(LoadInputsTasklet.STEP)));
        RunInputs.writeRejects(out, inputs, queries);

        Set<String> credits = queries.bankCredits(inputs.stream().map(InputFile::sha256).toList());
        DailyCashApplication daily = DailyCashApplication.of(run.asOf(), runs.cashAllocations(run.runId()), credits,
                LedgerSource.rates(queries, properties.currency()));
        controls.addAll(daily.controls());
        out.write(OutputNames.CASH_APPLICATION, stream -> {
            try (SafeCsvPrinter csv = CsvOutputs.cashApplication(stream)) {
                for (CashAllocation a : daily.rows()) {
                    CsvOutputs.write(csv, a);
                }
            }
        });
        PausePoint.reached(PausePoint.AFTER_DAILY_CSV);
        List<ExceptionItem> exceptions = daily.tonight(runs.exceptions(run.runId()));
        out.write(OutputNames.EXCEPTIONS, stream -> {
            try (SafeCsvPrinter csv = CsvOutputs.exceptions(stream)) {
                exceptions.forEach(e -> CsvOutputs.write(csv, e));
            }
        });
        out.write(CashApplicationWorkbook.name(run.asOf()), stream -> CashApplicationWorkbook.write(properties.entity(), run.runId(),
                CodeVersion.get(), properties.currency(), daily, exceptions, stream));
        List<String> statementFiles = new ArrayList<>();
        inputs.stream().filter(f -> f.kind().equals(InputKind.BANK.label())).forEach(f -> statementFiles.add(f.name()));
        String json = DailyJson.write(run.runId(), properties.currency(), statementFiles, daily, exceptions);
        out.write(OutputNames.DAILY_CASH_APPLICATION, stream -> stream.write(json.getBytes(StandardCharsets.UTF_8)));

        runs.replaceControls(run.runId(), STEP, controls);
        Manifest manifest = new Manifest(run.runId(), run.asOf(), properties.asParameters(), CodeVersion.get(), inputs,
                RunInputs.refused(exceptions), RunInputs.ignored(chunkContext), out.written(), controls);
        out.write("manifest.json", stream -> stream.write(manifest.toJson().getBytes(StandardCharsets.UTF_8)));
        RunInputs.recordControls(contribution, chunkContext, controls);
        contribution.incrementWriteCount(out.written().size());
        LOG.info("nightly report: {} bank credits of {} statement files, {} to work, {} exceptions, {} files in {}",
                daily.figures().bankCreditsCount(), statementFiles.size(), daily.toWork(), exceptions.size(), out.written().size(),
                run.out());
        return RepeatStatus.FINISHED;
    }
}
