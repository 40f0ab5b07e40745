package dev.o2c.domain.figures;

import dev.o2c.domain.ar.Invoice;
import dev.o2c.domain.money.FxRates;
import dev.o2c.domain.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sales (invoices less credit memos, each converted at its invoice date's rate) per calendar
 * month, from as-of's month back to the first month with a document: what the DSO family and
 * CEI read. The current month counts only the period's days.
 *
 * <p>Each document's functional amount is worked out in cents in a long ({@link
 * FxRates.Converter#toFunctionalMinor}, held to {@link FxRates#toFunctional} to the cent) and
 * summed per month: the same sums as converting and adding decimals, without a decimal and a
 * money made for each of the ledger's million documents. Amounts not held in their currency's
 * minor units, or sums beyond a long, take the decimal path.
 */
final class MonthlySales {

    private MonthlySales() {
    }

    static List<Formulas.MonthSales> of(LocalDate asOf, LocalDate periodStart, int days, Ledger ledger) {
        List<Formulas.MonthSales> inMinorUnits = inMinorUnits(asOf, periodStart, days, ledger);
        return inMinorUnits != null ? inMinorUnits : inDecimals(asOf, periodStart, days, ledger);
    }

    /** Null when a document is not in minor units or a sum leaves a long. */
    static List<Formulas.MonthSales> inMinorUnits(LocalDate asOf, LocalDate periodStart, int days, Ledger ledger) {
        FxRates fx = ledger.fx();
        int functionalScale = fx.functional().getDefaultFractionDigits();
        if (functionalScale < 0) {
            return null;
        }
        int last = monthNumber(asOf);
        long[] sums = new long[16]; // by months back from as-of's month
        boolean[] seen = new boolean[16];
        int furthest = 0;
        Map<LocalDate, FxRates.Converter> converters = new HashMap<>(); // a rate lookup per day, not per document
        try {
            for (Invoice doc : ledger.documents()) {
                LocalDate date = doc.invoiceDate();
                if (date.isAfter(asOf)) {
                    continue;
                }
                Money amount = doc.amount();
                if (!amount.isInMinorUnits()) {
                    return null;
                }
                long minor = amount.unscaledLong();
                FxRates.Converter at = converters.computeIfAbsent(date, fx::at);
                long functional = at.toFunctionalMinor(amount.currency(), doc.isCreditMemo() ? Math.negateExact(minor) : minor);
                int back = last - monthNumber(date);
                if (back >= sums.length) {
                    int size = Math.max(back + 1, sums.length * 2);
                    sums = Arrays.copyOf(sums, size);
                    seen = Arrays.copyOf(seen, size);
                }
                sums[back] = Math.addExact(sums[back], functional);
                seen[back] = true;
                furthest = Math.max(furthest, back);
            }
        } catch (ArithmeticException beyondLong) {
            return null;
        }
        int periodBack = last - monthNumber(periodStart);
        List<Formulas.MonthSales> months = new ArrayList<>(furthest + 1);
        YearMonth m = YearMonth.from(asOf);
        for (int back = 0; back <= furthest; back++, m = m.minusMonths(1)) {
            BigDecimal sales = seen[back] ? BigDecimal.valueOf(sums[back], functionalScale) : BigDecimal.ZERO;
            months.add(new Formulas.MonthSales(sales, back == periodBack ? days : m.lengthOfMonth()));
        }
        return months;
    }

    /** Each document converted to a decimal and the decimals added: any scale, any size. */
    static List<Formulas.MonthSales> inDecimals(LocalDate asOf, LocalDate periodStart, int days, Ledger ledger) {
        Map<YearMonth, BigDecimal> byMonth = new HashMap<>();
        YearMonth first = YearMonth.from(asOf);
        for (Invoice doc : ledger.documents()) {
            if (doc.invoiceDate().isAfter(asOf)) {
                continue;
            }
            YearMonth month = YearMonth.from(doc.invoiceDate());
            if (month.isBefore(first)) {
                first = month;
            }
            Money f = ledger.fx().toFunctional(doc.signedAmount(), doc.invoiceDate());
            byMonth.merge(month, f.amount(), BigDecimal::add);
        }
        List<Formulas.MonthSales> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(asOf); !m.isBefore(first); m = m.minusMonths(1)) {
            int length = m.equals(YearMonth.from(periodStart)) ? days : m.lengthOfMonth();
            months.add(new Formulas.MonthSales(byMonth.getOrDefault(m, BigDecimal.ZERO), length));
        }
        return months;
    }

    /** Months since year 0: consecutive months differ by one, without a {@link YearMonth} per document. */
    private static int monthNumber(LocalDate date) {
        return date.getYear() * 12 + date.getMonthValue() - 1;
    }
}
