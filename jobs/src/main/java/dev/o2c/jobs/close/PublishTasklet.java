package dev.o2c.jobs.close;

import dev.o2c.domain.aging.AgedItem;
import dev.o2c.domain.aging.CustomerAging;
import dev.o2c.domain.ar.Customer;
import dev.o2c.domain.bank.BankFindings;
import dev.o2c.domain.cashapp.CashAllocation;
import dev.o2c.domain.concurrent.Futures;
import dev.o2c.domain.concurrent.HelperThread;
import dev.o2c.domain.controls.Control;
import dev.o2c.domain.controls.ExceptionItem;
import dev.o2c.domain.figures.CollectionsWorklist;
import dev.o2c.domain.figures.MonthEndFigures;
import dev.o2c.domain.money.Money;
import dev.o2c.domain.openitems.OpenItemType;
import dev.o2c.jobs.CodeVersion;
import dev.o2c.jobs.O2cProperties;
import dev.o2c.reports.AgingWorkbook;
import dev.o2c.reports.PackData;
import dev.o2c.reports.PackPdf;
import dev.o2c.writers.out.CsvOutputs;
import dev.o2c.writers.out.KpisJson;
import dev.o2c.writers.out.Manifest;
import dev.o2c.writers.out.SafeCsvPrinter;
import dev.o2c.writers.store.InputFile;
import dev.o2c.writers.store.LedgerQueries;
import dev.o2c.writers.store.RunStore;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The publish step: every output of CONTRACTS.md section 3 from what the run stored,
 * the manifest last (it names the others with their hashes). Writing again gives the
 * same bytes, so a restarted publish is harmless. Controls that fail do not stop the
 * outputs: they are marked in the manifest and the pack, and the run ends with exit 3.
 */
final class PublishTasklet implements Tasklet {

    static final String STEP = "publish";
    static final String CONTROLS_PASSED = "controls.passed";
    /** The failed controls, a line each, for the summary on the terminal. */
    static final String CONTROLS_FAILED_NAMES = "controls.failed";
    static final ExitStatus CONTROLS_FAILED = new ExitStatus("CONTROLS_FAILED", "at least one control failed; see manifest.json");
    private static final Logger LOG = LoggerFactory.getLogger(PublishTasklet.class);

    private final LedgerQueries queries;
    private final RunStore runs;
    private final O2cProperties properties;
    private final Handover handover;

    PublishTasklet(LedgerQueries queries, RunStore runs, O2cProperties properties, Handover handover) {
        this.queries = queries;
        this.runs = runs;
        this.properties = properties;
        this.handover = handover;
    }

    /** This run's bank statements (its input files'), and what the bank checks found. */
    private PackData.Bank bank(List<InputFile> inputs, List<ExceptionItem> exceptions) {
        Set<String> shas = inputs.stream().map(InputFile::sha256).collect(Collectors.toSet());
        int statements = 0;
        Set<String> accounts = new TreeSet<>();
        for (var e : queries.statements()) {
            if (shas.contains(e.getKey())) {
                statements++;
                accounts.add(e.getValue().account());
            }
        }
        return new PackData.Bank(statements, accounts.size(), exceptions.stream().filter(BankFindings::isBankFinding).toList());
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        CloseParameters run = CloseParameters.of(chunkContext.getStepContext().getJobParameters());
        Phases phases = new Phases(STEP);
        OutputFolder out = new OutputFolder(run.out());
        List<InputFile> inputs = runs.inputs(run.runId());
        MonthEndFigures figures = KpisJson.read(runs.figures(run.runId()));
        Money zero = Money.zero(figures.functionalCurrency());

        List<Control> controls = RunInputs.controls(inputs, properties.maxRejectedShare());
        controls.addAll(runs.controls(run.runId(), List.of(LoadInputsTasklet.STEP, ComputeTasklet.STEP)));
        RunInputs.writeRejects(out, inputs, queries);
        phases.done("inputs, figures, rejects");

        List<CashAllocation> allocations = runs.cashAllocations(run.runId());
        out.write(OutputNames.CASH_APPLICATION, stream -> {
            try (SafeCsvPrinter csv = CsvOutputs.cashApplication(stream)) {
                allocations.forEach(a -> CsvOutputs.write(csv, a));
            }
        });
        phases.done("cash-application.csv");

        // The workbook's detail (every open item, read again from the store on its own thread) is written while
        // this thread goes through the same items for the CSV files and the figures the other sheets need.
        // the items compute of this execution wrote, where it handed them over; else read from the store, twice
        List<AgedItem> handed = handover.takeOpenItems(chunkContext.getStepContext().getStepExecution().getJobExecutionId());
        java.util.function.Consumer<java.util.function.Consumer<AgedItem>> openItems = handed != null ? handed::forEach
                : consumer -> runs.forEachOpenItem(run.runId(), consumer);
        long itemCount = handed != null ? handed.size() : runs.openItemCount(run.runId());
        long[] detailRows = {0};
        List<ExceptionItem> exceptions = runs.exceptions(run.runId());
        try (AgingWorkbook workbook = AgingWorkbook.start(run.asOf(), itemCount, openItems::accept)) {
            CustomerAging byCustomer = new CustomerAging(properties.buckets(), zero);
            Money[] detailTotal = {zero};
            List<AgedItem> overdue = new ArrayList<>(); // only what the worklist can hold: overdue invoices
            StepProgress progress = StepProgress.get();
            progress.expect(itemCount, "open items");
            out.write("aging.csv", stream -> {
                try (SafeCsvPrinter csv = CsvOutputs.aging(stream)) {
                    openItems.accept(item -> {
                        CsvOutputs.write(csv, item, run.asOf());
                        byCustomer.add(item);
                        detailTotal[0] = detailTotal[0].plus(item.functional());
                        detailRows[0]++;
                        progress.advance(1);
                        if (item.item().type() == OpenItemType.INVOICE && item.item().open().isPositive() && !item.item().disputed()
                                && item.item().dueDate().isBefore(run.asOf())) {
                            overdue.add(item);
                        }
                    });
                }
            });
            phases.done("aging.csv");
            PausePoint.reached(PausePoint.AFTER_AGING_CSV);
            progress.expect(0, ""); // the rest (worklist, workbook, PDF) is not counted: the line shows the time spent
            controls.add(new Control("aging.csv: sum of functional_amount = total open AR",
                    figures.aging().totalOpen().amount(), detailTotal[0].amount()));

            Map<String, String> names = queries.customers().stream().collect(Collectors.toMap(Customer::customerId, Customer::name));
            List<CollectionsWorklist.Item> worklist = CollectionsWorklist.of(overdue, run.asOf(), properties.figureRules());
            overdue.clear();
            Money[] worklistTotal = {zero};
            out.write("collections.csv", stream -> {
                try (SafeCsvPrinter csv = CsvOutputs.collections(stream)) {
                    for (CollectionsWorklist.Item i : worklist) {
                        CsvOutputs.write(csv, i, names.get(i.customerId()));
                        worklistTotal[0] = worklistTotal[0].plus(i.functional());
                    }
                }
            });
            if (figures.collections() != null) {
                controls.add(new Control("collections.csv: sum of functional_amount = overdue AR in kpis.json",
                        figures.collections().overdueAmount().amount(), worklistTotal[0].amount()));
            }

            out.write(OutputNames.EXCEPTIONS, stream -> {
                try (SafeCsvPrinter csv = CsvOutputs.exceptions(stream)) {
                    exceptions.forEach(e -> CsvOutputs.write(csv, e));
                }
            });

            String kpis = runs.figures(run.runId());
            out.write("kpis.json", stream -> stream.write(kpis.getBytes(StandardCharsets.UTF_8)));

            PackData pack = new PackData(properties.entity(), run.runId(), CodeVersion.get(), figures,
                    byCustomer.lines(properties.topCustomers(), names), properties.topCustomers(), byCustomer.customerCount(), controls,
                    bank(inputs, exceptions), exceptions, worklist, names,
                    inputs.stream().map(f -> new PackData.Input(f.name(), f.kind(), f.records(), f.loaded(), f.rejected(), f.sha256())).toList(),
                    LedgerSource.rates(queries, figures.functionalCurrency()));
            phases.done("collections.csv, exceptions.csv, kpis.json, the pack's data");
            // The PDF (its lists cut to their largest entries: a few seconds, a few hundred KB) is rendered while the
            // workbook is written, which leaves a core idle for part of its time.
            Future<byte[]> pdf = HelperThread.start("o2c-pack-pdf", () -> {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                PackPdf.write(pack, bytes);
                return bytes.toByteArray();
            });
            List<CustomerAging.Line> everyCustomer = byCustomer.lines(Integer.MAX_VALUE, names);
            out.write(OutputNames.xlsx(run.asOf()), stream -> workbook.finish(pack, everyCustomer, stream));
            phases.done("workbook");
            out.write(OutputNames.pdf(run.asOf()), stream -> stream.write(Futures.await(pdf)));
            phases.done("PDF");
        }

        runs.replaceControls(run.runId(), STEP, controls);
        Manifest manifest = new Manifest(run.runId(), run.asOf(), properties.asParameters(), CodeVersion.get(), inputs,
                RunInputs.refused(exceptions), RunInputs.ignored(chunkContext), out.written(), controls);
        out.write("manifest.json", stream -> stream.write(manifest.toJson().getBytes(StandardCharsets.UTF_8)));

        RunInputs.recordControls(contribution, chunkContext, controls);
        contribution.incrementWriteCount(out.written().size());
        LOG.info("published {} files to {} ({} open items, {} allocation rows, {} exceptions)", out.written().size(),
                run.out(), detailRows[0], allocations.size(), exceptions.size());
        return RepeatStatus.FINISHED;
    }

}
