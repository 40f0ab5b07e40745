package dev.o2c.domain.figures;

import static dev.o2c.domain.support.Ledgers.d;
import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.domain.aging.AgingBuckets;
import dev.o2c.domain.ar.Invoice;
import dev.o2c.domain.controls.Control;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrendAndSnapshotTest {

    final MonthEndCalculator calculator = new MonthEndCalculator(AgingBuckets.DEFAULT);
    final Ledger ledger = new MonthEndCalculatorTest().multiCurrencyQuarter();

    @Test
    void theTrendIsTheEarlierSnapshotsThenThisRun() {
        MonthEndFigures march = calculator.compute(d("2024-03-31"), ledger).figures();
        MonthEndFigures april = calculator.compute(d("2024-04-30"), ledger).figures();
        MonthEndFigures may = calculator.compute(d("2024-05-31"), ledger).figures();
        MonthEndFigures tooOld = calculator.compute(d("2023-04-30"), ledger).figures();
        List<Trend.Point> points = Trend.of(List.of(april, tooOld, march, may), may);
        // May's own snapshot is not history; a month thirteen back is out of the window
        assertThat(points).extracting(p -> p.asOf() + " " + p.source())
                .containsExactly("2024-03-31 snapshot", "2024-04-30 snapshot", "2024-05-31 this run");
        Trend.Point last = points.get(2);
        assertThat(last.totalOpen()).isEqualTo(may.aging().totalOpen());
        assertThat(last.dsoStandard()).isEqualByComparingTo("104.41");
        assertThat(last.dsoBestPossible()).isEqualTo(may.dso().bestPossible());
        assertThat(last.averageDaysDelinquent()).isEqualTo(may.dso().averageDaysDelinquent());
        assertThat(points.get(0).dsoBestPossible()).isEqualTo(march.dso().bestPossible()).isNotNull();
        // the mix: 500.00 current, 312.50 in 1-30, 400.00 in 31-60 of 1212.50
        assertThat(last.agingMix()).extracting(s -> s.label() + "=" + s.share())
                .containsExactly("Current=0.4124", "1-30=0.2577", "31-60=0.3299", "61-90=0.0000", "91-120=0.0000", ">120=0.0000");
    }

    @Test
    void closingAMonthEndAgainAgreesWithItsSnapshot() {
        MonthEndFigures first = calculator.compute(d("2024-04-30"), ledger).figures();
        MonthEndFigures again = calculator.compute(d("2024-04-30"), ledger).figures();
        assertThat(SnapshotCheck.controls(first, "run-1", again)).hasSize(4).allMatch(Control::passed);
    }

    @Test
    void aDocumentBackDatedIntoAClosedMonthFailsTheCheck() {
        MonthEndFigures snapshot = calculator.compute(d("2024-04-30"), ledger).figures();
        List<Invoice> docs = new ArrayList<>(ledger.documents());
        docs.add(new Invoice("I-LATE", "C001", null, d("2024-04-29"), d("2024-05-29"), dev.o2c.domain.support.Ledgers.usd("99.00"),
                dev.o2c.domain.ar.DocumentType.INVOICE, null));
        MonthEndFigures recomputed = calculator.compute(d("2024-04-30"),
                new Ledger(ledger.customers(), docs, ledger.receipts(), List.of(), List.of(), ledger.fx())).figures();
        List<Control> controls = SnapshotCheck.controls(snapshot, "run-1", recomputed);
        assertThat(controls).filteredOn(c -> !c.passed()).extracting(Control::name).containsExactly(
                "month-end 2024-04-30 agrees with its snapshot (run run-1): total open AR",
                "month-end 2024-04-30 agrees with its snapshot (run run-1): credit sales",
                "month-end 2024-04-30 agrees with its snapshot (run run-1): aging buckets that differ",
                "month-end 2024-04-30 agrees with its snapshot (run run-1): standard DSO and CEI that differ");
        assertThat(controls.get(0).expected()).isEqualByComparingTo("1000.00");
        assertThat(controls.get(0).actual()).isEqualByComparingTo("1099.00");
    }
}
