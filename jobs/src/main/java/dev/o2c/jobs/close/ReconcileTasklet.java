package dev.o2c.jobs.close;

import dev.o2c.domain.bank.BankFindings;
import dev.o2c.domain.bank.StatementChecks;
import dev.o2c.domain.bank.StatementTotals;
import dev.o2c.domain.cashapp.CashApplication;
import dev.o2c.domain.cashapp.CashApplicationEngine;
import dev.o2c.domain.cashapp.MatchingRules;
import dev.o2c.domain.ar.Invoice;
import dev.o2c.domain.concurrent.Futures;
import dev.o2c.domain.concurrent.HelperThread;
import dev.o2c.domain.orders.OrderInvoiceReconciliation;
import dev.o2c.domain.controls.ExceptionItem;
import dev.o2c.domain.controls.Severity;
import dev.o2c.writers.store.InputFile;
import dev.o2c.writers.store.LedgerQueries;
import dev.o2c.writers.store.RunStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The reconcile step: bank lines against ERP receipts, cash application of every other
 * bank credit, and orders against invoices. Replaces the run's allocations and reconcile exceptions in one
 * transaction, so a rerun leaves exactly one set.
 */
final class ReconcileTasklet implements Tasklet {

    static final String STEP = "reconcile";
    private static final Logger LOG = LoggerFactory.getLogger(ReconcileTasklet.class);

    private final LedgerQueries queries;
    private final RunStore runs;
    private final MatchingRules rules;
    private final Handover handover;

    ReconcileTasklet(LedgerQueries queries, RunStore runs, MatchingRules rules, Handover handover) {
        this.queries = queries;
        this.runs = runs;
        this.rules = rules;
        this.handover = handover;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        CloseParameters run = CloseParameters.of(chunkContext.getStepContext().getJobParameters());
        Phases phases = new Phases(STEP);
        // Orders against invoices needs only the orders and the documents: it runs on a second core, reading the
        // orders from the store while this thread reads the rest, then checking them while cash is applied (on a
        // million invoices, 9 s of the step's 28 s, now beside the other work).
        CompletableFuture<List<Invoice>> documentsRead = new CompletableFuture<>();
        Future<List<ExceptionItem>> orderExceptions = HelperThread.start("o2c-orders-against-invoices", () -> {
            Phases beside = new Phases(STEP);
            var orders = queries.orders();
            beside.done("read orders (beside)");
            List<ExceptionItem> found = OrderInvoiceReconciliation.check(orders, Futures.await(documentsRead), run.asOf(),
                    rules.orderTolerancePercent());
            beside.done("orders against invoices (beside)");
            return found;
        });
        CashApplication result;
        int bankLines;
        try {
            var bank = queries.bankTransactions();
            bankLines = bank.size();
            phases.done("read bank lines");
            var documents = queries.documents();
            documentsRead.complete(documents);
            phases.done("read documents");
            var customers = queries.customers();
            phases.done("read customers");
            var receipts = queries.receipts();
            phases.done("read receipts");
            // read-only from here on: compute may be handed the same lists
            Handover.Ledger ledger = new Handover.Ledger(customers, documents, receipts, bank);
            handover.keepLedger(new Handover.Key(chunkContext.getStepContext().getStepExecution().getJobExecutionId(), queries.inputsLoaded()), ledger);
            result = new CashApplicationEngine(rules, ledger.customers(), ledger.documents(), ledger.receipts()).apply(ledger.bank());
            phases.done("cash application");
            runs.replaceCashAllocations(run.runId(), result.allocations());
            phases.done("write allocations");
        } catch (RuntimeException | Error e) {
            documentsRead.completeExceptionally(e); // the helper stops waiting for what will not come
            orderExceptions.cancel(true);
            throw e;
        }
        PausePoint.reached(PausePoint.AFTER_ALLOCATIONS);
        List<ExceptionItem> exceptions = new ArrayList<>(result.exceptions());
        exceptions.addAll(Futures.await(orderExceptions));
        phases.done("waited for orders against invoices");
        exceptions.addAll(statementExceptions(run));
        phases.done("statement exceptions");
        runs.replaceExceptions(run.runId(), STEP, exceptions);
        phases.done("write exceptions");
        contribution.incrementWriteCount(result.allocations().size());
        LOG.info("cash application: {} bank lines, {} allocation rows, {} exceptions", bankLines,
                result.allocations().size(), exceptions.size());
        return RepeatStatus.FINISHED;
    }

    /**
     * The bank side's exceptions for this run's statement files: balance breaks (checked along
     * every loaded statement of the account, reported for this run's), statements and lines
     * loaded twice, and what the readers noticed (a BAI2 control total that does not agree).
     */
    private List<ExceptionItem> statementExceptions(CloseParameters run) {
        Set<String> shas = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (InputFile f : runs.inputs(run.runId())) {
            shas.add(f.sha256());
            names.add(f.name());
        }
        List<ExceptionItem> out = new ArrayList<>();
        List<StatementTotals> all = new ArrayList<>();
        Set<StatementTotals> ours = new HashSet<>();
        for (var e : queries.statements()) {
            all.add(e.getValue());
            if (shas.contains(e.getKey())) {
                ours.add(e.getValue());
            }
        }
        out.addAll(StatementChecks.check(all, ours::contains));
        for (LedgerQueries.CategorisedReject r : queries.categorisedRejects(shas)) {
            boolean statement = r.category().equals(BankFindings.DUPLICATE_STATEMENT);
            out.add(new ExceptionItem(r.category(), statement ? Severity.INFO : Severity.WARNING,
                    statement ? "bank_statement" : "bank_transaction", r.file() + ":" + r.reject().line(), null, r.reject().reason()));
        }
        for (LedgerQueries.Notice n : queries.notices(shas)) {
            out.add(new ExceptionItem(n.category(), Severity.WARNING, "input_file", n.file() + ":" + n.line(), null, n.message()));
        }
        return out;
    }
}
