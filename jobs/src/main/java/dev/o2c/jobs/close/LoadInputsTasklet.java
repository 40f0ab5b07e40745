package dev.o2c.jobs.close;

import dev.o2c.jobs.O2cProperties;
import dev.o2c.readers.bank.BankCsvProfile;
import dev.o2c.readers.erp.MappingProfile;
import dev.o2c.readers.csv.InputFormatException;
import dev.o2c.domain.controls.Control;
import dev.o2c.domain.controls.ExceptionItem;
import dev.o2c.domain.controls.Severity;
import dev.o2c.writers.store.InputFile;
import dev.o2c.writers.store.LedgerQueries;
import dev.o2c.writers.store.RunStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The load step: every file of the input directory into the store, each in a
 * transaction of its own. A file already loaded (same SHA-256) is skipped; a file that
 * cannot be read fails alone, rolled back, and the step fails at the end naming every
 * such file, after the others are in. A rerun loads only what is missing.
 */
final class LoadInputsTasklet implements Tasklet {

    /** The step's name, under which it records its refusals (exceptions and controls) for the run. */
    static final String STEP = "load";
    /** The exception category of an input file that could not be read. */
    static final String INPUT_FILE_REFUSED = "INPUT_FILE_REFUSED";
    /** A file at the top of the input folder that nothing reads and configuration does not leave out. */
    static final String INPUT_FILE_NOT_READ = "INPUT_FILE_NOT_READ";
    /** A kind of input configured as brought by every run ({@code o2c.inputs.expected}) that this run has no file of. */
    static final String INPUT_EXPECTED_MISSING = "INPUT_EXPECTED_MISSING";
    /** Where the job keeps each refused file's {@code FILE:LINE: reason}, a line each, for the command to print. */
    static final String REFUSED_LINES = "o2c.refusedInputs";
    /** The files {@code o2c.inputs.ignore} left out, a line each: name, tab, pattern. */
    static final String IGNORED_LINES = "o2c.ignoredInputs";

    private static final Logger LOG = LoggerFactory.getLogger(LoadInputsTasklet.class);

    private final InputLoader loader;
    private final LedgerQueries queries;
    private final RunStore runs;
    private final TransactionTemplate perFile;
    private final O2cProperties properties;

    private final List<BankCsvProfile> profiles;
    private final List<MappingProfile> mappings;

    LoadInputsTasklet(InputLoader loader, LedgerQueries queries, RunStore runs, TransactionTemplate perFile, O2cProperties properties,
                      List<BankCsvProfile> profiles, List<MappingProfile> mappings) {
        this.properties = properties;
        this.profiles = profiles;
        this.mappings = mappings;
        this.loader = loader;
        this.queries = queries;
        this.runs = runs;
        this.perFile = perFile;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        CloseParameters run = CloseParameters.of(chunkContext.getStepContext().getJobParameters());
        List<InputFileRef> files = InputDirectory.scan(run.input(), profiles, mappings);
        Map<String, String> shaByName = new LinkedHashMap<>();
        files.forEach(f -> shaByName.put(f.name(), f.sha256()));
        if (!RunIdentity.runId(RunKind.of(run.runId()), run.asOf(), properties.asParameters(), shaByName).equals(run.runId())) {
            throw new IllegalStateException("the input files changed since run " + run.runId()
                    + " started; start a new run instead of restarting this one");
        }
        perFile.executeWithoutResult(s -> runs.replaceInputs(run.runId(), shaByName));
        List<ExceptionItem> refused = new ArrayList<>();
        List<Control> controls = new ArrayList<>();
        StepProgress progress = StepProgress.get();
        progress.expect(files.stream().filter(f -> queries.inputFile(f.sha256()).isEmpty()).mapToLong(LoadInputsTasklet::kilobytes).sum(),
                "KB");
        StringBuilder ignored = new StringBuilder();
        for (String name : InputDirectory.unreadFiles(run.input(), mappings)) {
            String glob = properties.ignoredBy(name);
            if (glob != null) {
                LOG.info("{}: left out (o2c.inputs.ignore: {})", name, glob);
                ignored.append(name).append('\t').append(glob).append('\n');
                continue;
            }
            String reason = name + ": not an input file this version reads (no extract name or mapping profile fits it),"
                    + " and o2c.inputs.ignore does not leave it out";
            LOG.error("{}", reason);
            refused.add(new ExceptionItem(INPUT_FILE_NOT_READ, Severity.ERROR, "input_file", name, null, reason));
            controls.add(Control.of("input file not read: " + name, 0, 1));
        }
        // the month-end close only: a nightly run brings the day's bank files, not the month's extracts
        List<String> expected = RunKind.of(run.runId()) == RunKind.CLOSE ? properties.expectedInputs() : List.of();
        for (String kind : expected) {
            if (files.stream().noneMatch(f -> f.kind().label().equals(kind))) {
                // configured as brought every month: a month without it would close on last month's figures for it
                String reason = "no " + kind + " file in " + run.input().getFileName() + ", and o2c.inputs.expected says every run brings one";
                LOG.error("{}", reason);
                refused.add(new ExceptionItem(INPUT_EXPECTED_MISSING, Severity.ERROR, "input_kind", kind, null, reason));
                controls.add(Control.of("expected input missing: " + kind, 0, 1));
            }
        }
        for (InputFileRef file : files) {
            if (file.refusal() != null) {
                LOG.error("{}", file.refusal());
                refused.add(new ExceptionItem(INPUT_FILE_REFUSED, Severity.ERROR, "input_file", file.name(), null, file.refusal()));
                controls.add(refusedControl(file.name()));
                continue;
            }
            if (queries.inputFile(file.sha256()).isPresent()) {
                LOG.info("{}: already loaded (sha256 {}), skipped", file.name(), file.sha256().substring(0, 12));
                continue;
            }
            long before = progress.done();
            try {
                InputFile loaded = perFile.execute(s -> loader.load(file));
                progress.doneAt(before + kilobytes(file)); // the rows of an extract advanced it as they were read
                PausePoint.reached(PausePoint.AFTER_FIRST_FILE);
                // Rejected records count as skipped reads, loaded ones as writes.
                contribution.incrementWriteCount(loaded.loaded());
                // the records read: the step execution keeps the count (a contribution only counts reads one by one)
                contribution.getStepExecution().setReadCount(contribution.getStepExecution().getReadCount() + loaded.records());
                contribution.incrementReadSkipCount(loaded.rejected());
                LOG.info("{}: {} records, {} loaded, {} rejected", file.name(), loaded.records(), loaded.loaded(), loaded.rejected());
                if (RejectLimit.appliesTo(loaded.kind()) && !RejectLimit.control(file.name(), loaded.records(), loaded.rejected(), properties.maxRejectedShare()).passed()) {
                    LOG.warn("{}: {} of {} records rejected, above the limit of {} of a file (o2c.inputs.max-rejected-share):"
                            + " its control will fail; the reasons are in {}", file.name(), loaded.rejected(), loaded.records(),
                            properties.maxRejectedShare().toPlainString(), OutputNames.rejects(file.name()));
                }
            } catch (InputFormatException e) {
                // the file fails alone: its load rolled back, its reason published, the run goes on to end with exit 3
                LOG.error("{}", e.getMessage());
                refused.add(new ExceptionItem(INPUT_FILE_REFUSED, Severity.ERROR, "input_file", file.name(), null, e.getMessage()));
                controls.add(refusedControl(file.name()));
            }
        }
        // replaced on every attempt: a restart that reads the file after all clears what the attempt before said
        perFile.executeWithoutResult(s -> {
            runs.replaceExceptions(run.runId(), STEP, refused);
            runs.replaceControls(run.runId(), STEP, controls);
        });
        chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext().putString(IGNORED_LINES, ignored.toString());
        chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext().putString(REFUSED_LINES,
                refused.stream().map(ExceptionItem::reason).collect(java.util.stream.Collectors.joining("\n")));
        return RepeatStatus.FINISHED;
    }

    /** A control that fails for a file that could not be read: the pack is marked, nothing is mailed (exit 3). */
    static Control refusedControl(String name) {
        return Control.of("input file refused: " + name, 0, 1);
    }

    /** A file's size in KB, for the progress line: what a file's load takes goes with its size. */
    private static long kilobytes(InputFileRef file) {
        try {
            return Math.max(1, java.nio.file.Files.size(file.path()) >> 10);
        } catch (java.io.IOException e) {
            return 1;
        }
    }
}
