package dev.o2c.jobs.close;

import dev.o2c.domain.cashapp.CashAllocation;
import dev.o2c.domain.figures.Ledger;
import dev.o2c.domain.money.FxRate;
import dev.o2c.domain.money.FxRates;
import dev.o2c.writers.store.LedgerQueries;
import java.util.Currency;
import java.util.List;

/** Reads the ledger the figures are computed from, out of the store. */
final class LedgerSource {

    private LedgerSource() {
    }

    static FxRates rates(LedgerQueries queries, Currency functional) {
        FxRates fx = new FxRates(functional);
        for (FxRate r : queries.fxRates()) {
            fx.put(r.date(), r.currency(), r.rate());
        }
        return fx;
    }

    static Ledger read(LedgerQueries queries, List<CashAllocation> allocations, Currency functional) {
        return new Ledger(queries.customers(), queries.documents(), queries.receipts(), queries.bankTransactions(),
                allocations, rates(queries, functional));
    }

    /** The ledger the reconcile step of the same execution read, where it is still in memory, else the store's. */
    static Ledger read(LedgerQueries queries, Handover handover, long jobExecutionId, List<CashAllocation> allocations,
                       Currency functional) {
        Handover.Ledger kept = handover.takeLedger(new Handover.Key(jobExecutionId, queries.inputsLoaded()));
        if (kept == null) {
            return read(queries, allocations, functional);
        }
        return new Ledger(kept.customers(), kept.documents(), kept.receipts(), kept.bank(), allocations, rates(queries, functional));
    }
}
