package dev.o2c.domain.figures;

import dev.o2c.domain.aging.Aging;
import dev.o2c.domain.aging.AgingBuckets;
import dev.o2c.domain.ar.Invoice;
import dev.o2c.domain.ar.Receipt;
import dev.o2c.domain.bank.BankTransaction;
import dev.o2c.domain.cashapp.ApplicationStatus;
import dev.o2c.domain.cashapp.CashAllocation;
import dev.o2c.domain.cashapp.CashApplicationEngine;
import dev.o2c.domain.concurrent.Futures;
import dev.o2c.domain.concurrent.HelperThread;
import dev.o2c.domain.controls.Control;
import dev.o2c.domain.controls.ExceptionItem;
import dev.o2c.domain.controls.Severity;
import dev.o2c.domain.figures.MonthEndFigures.AgingFigures;
import dev.o2c.domain.figures.MonthEndFigures.BucketAmount;
import dev.o2c.domain.figures.MonthEndFigures.CashApplicationFigures;
import dev.o2c.domain.figures.MonthEndFigures.CurrencyRollForward;
import dev.o2c.domain.figures.MonthEndFigures.DsoFigures;
import dev.o2c.domain.figures.MonthEndFigures.RollForward;
import dev.o2c.domain.figures.MonthEndFigures.Share;
import dev.o2c.domain.money.FxRates;
import dev.o2c.domain.money.Money;
import dev.o2c.domain.openitems.CashMovement;
import dev.o2c.domain.openitems.OpenItem;
import dev.o2c.domain.openitems.OpenItemType;
import dev.o2c.domain.openitems.OpenItemsIndex;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Computes the month-end figures as of a date from the {@link Ledger}, by the
 * definitions of METRICS.md. The period is the calendar month that ends at as-of;
 * its opening is the AR at the end of the previous month, derived the same way.
 * A pure function: the same ledger and settings give the same figures.
 */
public final class MonthEndCalculator {

    private static final int DAYS_PLACES = 2;
    private static final int RATIO_PLACES = 4;
    private static final int INDEX_PLACES = 2;

    private final AgingBuckets buckets;
    private final FigureRules rules;

    /** With METRICS.md's example loss rates and the default dunning levels. */
    public MonthEndCalculator(AgingBuckets buckets) {
        this(buckets, FigureRules.defaults(buckets.size()));
    }

    /** @throws IllegalArgumentException when the rules do not give one loss rate per bucket */
    public MonthEndCalculator(AgingBuckets buckets, FigureRules rules) {
        if (rules.allowanceRatesPercent().size() != buckets.size()) {
            throw new IllegalArgumentException("allowance-rates: " + rules.allowanceRatesPercent().size() + " rates for the "
                    + buckets.size() + " aging buckets " + buckets.labels() + "; give one rate per bucket");
        }
        this.buckets = buckets;
        this.rules = rules;
    }

    /** The cash that moves AR: the ERP's receipts, and the bank credits we applied or hold on account. */
    public static List<CashMovement> cashMovements(Ledger ledger) {
        List<CashMovement> moves = new ArrayList<>(CashApplicationEngine.erpCash(ledger.receipts()));
        for (CashAllocation a : ledger.cashAllocations()) {
            if (a.status().reducesAr() && a.customerId() != null) {
                moves.add(new CashMovement(a.bankTransactionId(), a.customerId(), a.valueDate(),
                        a.status() == ApplicationStatus.AUTO ? a.invoiceId() : null, a.applied()));
            }
        }
        return moves;
    }

    /** The cash application figures with the controls and flags they raise, made apart and added in their place. */
    private record CashApplicationPart(List<Control> controls, List<String> flags, CashApplicationFigures figures) {
        CashApplicationPart(List<Control> controls, List<String> flags) {
            this(controls, flags, null);
        }

        CashApplicationPart with(CashApplicationFigures made) {
            return new CashApplicationPart(controls, flags, made);
        }
    }

    /** The AR at a month-end, in the functional currency (its total) and per document currency. */
    record ArAt(Money total, Map<Currency, Money> byCurrency) {
    }

    /**
     * The AR at {@code end} from the index's open amounts, each converted at that date's rate
     * and summed in minor units: the figures {@link Aging#totalOpen} and {@link #sumByCurrency}
     * give, without making a million items. Null when the ledger is not held in minor units or
     * a sum leaves a long: the items are then derived and summed as decimals.
     */
    static ArAt arFromAmounts(OpenItemsIndex index, LocalDate end, FxRates fx) {
        FxRates.Converter at = fx.at(end);
        Map<Currency, long[]> sums = new HashMap<>(); // per document currency: its sum
        long[] functional = new long[1];
        try {
            boolean held = index.forEachOpen(end, new OpenItemsIndex.OpenAmounts() {
                private Currency last;
                private long[] lastSum;

                @Override
                public void open(Currency currency, long minor) {
                    if (currency != last) {
                        last = currency;
                        lastSum = sums.computeIfAbsent(currency, c -> new long[1]);
                    }
                    lastSum[0] = Math.addExact(lastSum[0], minor);
                    functional[0] = Math.addExact(functional[0], at.toFunctionalMinor(currency, minor));
                }
            });
            if (!held) {
                return null;
            }
        } catch (ArithmeticException beyondLong) {
            return null;
        }
        Map<Currency, Money> byCurrency = new HashMap<>();
        sums.forEach((c, sum) -> byCurrency.put(c, Money.of(BigDecimal.valueOf(sum[0], c.getDefaultFractionDigits()), c)));
        Currency fc = fx.functional();
        return new ArAt(Money.of(BigDecimal.valueOf(functional[0], fc.getDefaultFractionDigits()), fc), byCurrency);
    }

    /** {@link #arFromAmounts}, else from the items as decimals. */
    private static ArAt arAt(OpenItemsIndex index, LocalDate end, FxRates fx) {
        ArAt fast = arFromAmounts(index, end, fx);
        if (fast != null) {
            return fast;
        }
        List<OpenItem> items = index.unordered(end); // totals only: no order needed
        return new ArAt(Aging.totalOpen(end, items, fx), sumByCurrency(items));
    }

    public MonthEnd compute(LocalDate asOf, Ledger ledger) {
        ExecutorService helper = HelperThread.named("o2c-figures");
        try {
            return compute(asOf, ledger, helper);
        } finally {
            helper.shutdownNow();
        }
    }

    /**
     * The figures; what does not depend on the month-end's own open items (the earlier
     * month-ends' AR, the monthly sales) is worked out on {@code helper} meanwhile. Every part
     * is a pure function of the ledger, so the result is the same whichever thread did it.
     */
    private MonthEnd compute(LocalDate asOf, Ledger ledger, ExecutorService helper) {
        FxRates fx = ledger.fx();
        LocalDate periodStart = asOf.withDayOfMonth(1);
        LocalDate previousEnd = periodStart.minusDays(1);
        int days = (int) ChronoUnit.DAYS.between(periodStart, asOf) + 1;
        // the helper: half the index (its map of invoice ids, first: the index waits for it), then the monthly sales, the
        // cash application and the period's movements while the index is built, the earlier month-ends while the month-end's items are made, then the credit exposure
        // while the collections are summed here; half the aging goes to a thread of its own (Aging.of), not behind these
        OpenItemsIndex.Started indexing = OpenItemsIndex.start(ledger.documents(), helper);
        Future<List<Formulas.MonthSales>> monthlySales = helper.submit(() -> MonthlySales.of(asOf, periodStart, days, ledger));
        List<CashMovement> cash = cashMovements(ledger);
        Future<CashApplicationPart> cashPart = helper.submit(() -> {
            CashApplicationPart part = new CashApplicationPart(new ArrayList<>(), new ArrayList<>());
            return part.with(cashApplication(periodStart, asOf, ledger, fx, part.controls(), part.flags()));
        });
        Future<PeriodMovements> movementsOf = helper.submit(() -> PeriodMovements.of(periodStart, asOf, ledger, cash));
        OpenItemsIndex index = indexing.with(cash);
        Future<List<ExceptionItem>> ledgerExceptions = helper.submit(() -> ledgerExceptions(ledger, index));
        // the earlier month-ends: the opening (roll-forward, average DSO, CEI), two months back
        // (rolling DSO) and the end of the previous quarter (the quarter's CEI)
        List<LocalDate> earlierEnds = new ArrayList<>(List.of(previousEnd, periodStart.minusMonths(1).minusDays(1)));
        if (!earlierEnds.contains(quarterStart(periodStart).minusDays(1))) {
            earlierEnds.add(quarterStart(periodStart).minusDays(1));
        }
        Map<LocalDate, Future<ArAt>> earlier = new HashMap<>();
        for (LocalDate end : earlierEnds) {
            earlier.put(end, helper.submit(() -> arAt(index, end, fx)));
        }
        // the month-end's AR per document currency (roll-forward), from the amounts when the ledger allows
        Future<ArAt> closingAmounts = helper.submit(() -> arFromAmounts(index, asOf, fx));
        List<OpenItem> closingItems = index.asOf(asOf);
        // the past-due items, the overpaid invoices and each customer's open AR are summed as the items are aged
        Aging aging = Aging.of(asOf, closingItems, buckets, fx, true, rules.dunningDays());
        // what reads only the month-end's aging goes to the helper too
        Future<ExposurePart> exposureOf = helper.submit(() -> ExposurePart.of(ledger.customers(), aging.openByCustomer(), fx, asOf));
        MonthEndFigures.CollectionsFigures collections = CollectionsWorklist.summary(aging.pastDue(), rules, fx.zero());
        ArAt openingAr = Futures.await(earlier.get(previousEnd));
        Money openingTotal = openingAr.total();
        // total AR at every month-end a figure needs (the earlier ones listed above), each derived once
        Map<LocalDate, Money> arAt = new HashMap<>();
        arAt.put(asOf, aging.totalOpen());
        for (LocalDate end : earlierEnds) {
            arAt.put(end, Futures.await(earlier.get(end)).total());
        }

        List<Control> controls = new ArrayList<>();
        List<String> flags = new ArrayList<>();
        controls.add(new Control("aging: sum of buckets = total open", aging.totalOpen().amount(), aging.sumOfBuckets().amount()));

        Money zero = fx.zero();
        PeriodMovements moved = Futures.await(movementsOf);
        Money invoicedF = moved.invoicedF;
        Money memosF = moved.memosF;
        Money cashF = moved.cashF;
        Map<Currency, Money[]> perCurrency = moved.perCurrency;
        Map<Currency, Money> opening = openingAr.byCurrency();
        ArAt closingAr = Futures.await(closingAmounts);
        Map<Currency, Money> closing = closingAr != null ? closingAr.byCurrency() : sumByCurrency(closingItems);
        opening.keySet().forEach(moved::of);
        closing.keySet().forEach(moved::of);

        List<CurrencyRollForward> byCurrency = new ArrayList<>();
        Money differenceF = zero;
        for (Map.Entry<Currency, Money[]> e : perCurrency.entrySet()) {
            Currency cur = e.getKey();
            Money[] m = e.getValue();
            Money open = opening.getOrDefault(cur, Money.zero(cur));
            Money close = closing.getOrDefault(cur, Money.zero(cur));
            Money rolled = open.plus(m[0]).minus(m[1]).minus(m[2]);
            Money difference = rolled.minus(close);
            byCurrency.add(new CurrencyRollForward(cur, open, m[0], m[1], m[2], close, difference));
            controls.add(new Control("roll-forward " + cur.getCurrencyCode() + ": opening + movements = closing AR",
                    close.amount(), rolled.amount()));
            differenceF = differenceF.plus(fx.toFunctional(difference, asOf));
        }
        Money openingF = openingTotal;
        Money closingF = aging.totalOpen();
        Money writeOffs = zero;
        Money fxRevaluation = closingF.minus(openingF.plus(invoicedF).minus(memosF).minus(cashF).minus(writeOffs)).minus(differenceF);
        RollForward rollForward = new RollForward(openingF, invoicedF, memosF, cashF, writeOffs, fxRevaluation, closingF, differenceF);
        Money creditSales = invoicedF.minus(memosF);
        List<Formulas.MonthSales> monthly = Futures.await(monthlySales);
        DsoFigures dso = dso(asOf, periodStart, days, creditSales, openingF, aging, monthly, arAt, flags);
        BigDecimal cei = Formulas.round(Formulas.cei(openingF.amount(), creditSales.amount(), closingF.amount(), dso.currentAr().amount()), INDEX_PLACES);
        if (cei == null) {
            flags.add("cei_null_denominator_not_positive");
        }
        MonthEndFigures.CeiFigures ceiQuarter = ceiQuarter(asOf, periodStart, monthly, dso.currentAr(), ledger, arAt, flags);
        CashApplicationPart cashApplication = Futures.await(cashPart);
        controls.addAll(cashApplication.controls());
        flags.addAll(cashApplication.flags());
        CashApplicationFigures cashFigures = cashApplication.figures();
        AgingFigures agingFigures = agingFigures(aging);
        List<ExceptionItem> exceptions = new ArrayList<>(Futures.await(ledgerExceptions));
        exceptions.addAll(overpaid(asOf, aging.overpaidInvoices()));
        Allowance allowance = Allowance.of(agingFigures.buckets(), rules.allowanceRatesPercent(), fx.functional());
        ExposurePart exposure = Futures.await(exposureOf);
        exceptions.addAll(exposure.exceptions());
        MonthEndFigures.ExposureFigures exposureFigures = exposure.figures();
        MonthEndFigures figures = new MonthEndFigures(asOf, fx.functional(), agingFigures, dso, cei, cashFigures,
                rollForward, byCurrency, flags, ceiQuarter, allowance, exposureFigures, collections, conventions(asOf), List.of());
        return new MonthEnd(figures, aging, controls, exceptions);
    }

    /** Credit exposure and its exceptions, worked out together on the helper: a customer over its limit is one of each. */
    private record ExposurePart(MonthEndFigures.ExposureFigures figures, List<ExceptionItem> exceptions) {

        static ExposurePart of(List<dev.o2c.domain.ar.Customer> customers, Map<String, Money> openByCustomer, FxRates fx,
                               LocalDate asOf) {
            CreditExposure exposure = CreditExposure.of(customers, openByCustomer, fx, asOf);
            List<CreditExposure.Line> overLimit = exposure.overLimit();
            Money excess = fx.zero();
            List<ExceptionItem> exceptions = new ArrayList<>(overLimit.size());
            for (CreditExposure.Line l : overLimit) {
                excess = excess.minus(l.headroom());
                exceptions.add(new ExceptionItem("CREDIT_LIMIT_EXCEEDED", Severity.WARNING, "customer", l.customerId(),
                        l.headroom().negate(), "open AR " + l.openAr().toPlainString() + " " + l.openAr().currencyCode()
                        + (l.members().size() > 1 ? " (with " + (l.members().size() - 1) + " subsidiaries)" : "")
                        + " exceeds the credit limit of " + l.creditLimit().toPlainString() + " " + l.creditLimit().currencyCode()
                        + " as of " + asOf));
            }
            return new ExposurePart(new MonthEndFigures.ExposureFigures(exposure.lines().size(), overLimit, excess), exceptions);
        }
    }

    private AgingFigures agingFigures(Aging aging) {
        List<BucketAmount> list = new ArrayList<>();
        for (int i = 0; i < buckets.size(); i++) {
            list.add(new BucketAmount(buckets.labels().get(i), aging.bucketTotals().get(i)));
        }
        return new AgingFigures(buckets.basis().label(), list, aging.totalOpen(), aging.unappliedCash(), aging.disputed(),
                aging.disputedItems());
    }

    private DsoFigures dso(LocalDate asOf, LocalDate periodStart, int days, Money creditSales, Money beginningAr,
                           Aging aging, List<Formulas.MonthSales> monthly, Map<LocalDate, Money> arAt, List<String> flags) {
        BigDecimal sales = creditSales.amount();
        BigDecimal ending = aging.totalOpen().amount();
        // The current AR is the not-yet-due bucket only on the due-date basis.
        Money current = aging.notYetDue();
        BigDecimal standard = Formulas.standardDso(ending, sales, days);
        BigDecimal averageAr = Formulas.averageArDso(beginningAr.amount(), ending, sales, days);
        BigDecimal best = Formulas.bestPossibleDso(current.amount(), sales, days);
        BigDecimal add = Formulas.averageDaysDelinquent(standard, best);
        if (standard == null) {
            flags.add("dso_null_credit_sales_not_positive");
        }
        Formulas.Countback countback = Formulas.countbackDso(ending, monthly);
        if (countback.exhausted()) {
            flags.add("countback_sales_history_exhausted");
        }
        // rolling three months: the month-ends of this period and the two before it
        List<BigDecimal> ars = new ArrayList<>();
        List<BigDecimal> sales3 = new ArrayList<>();
        for (int back = 0; back < 3; back++) {
            LocalDate end = back == 0 ? asOf : periodStart.minusMonths(back - 1L).minusDays(1);
            ars.add(arAt.get(end).amount());
            sales3.add(back < monthly.size() ? monthly.get(back).sales() : BigDecimal.ZERO);
        }
        if (monthly.size() < 3) {
            flags.add("rolling_dso_sales_history_short");
        }
        BigDecimal rolling = Formulas.rollingThreeMonthDso(ars, sales3);
        if (rolling == null) {
            flags.add("rolling_dso_null_credit_sales_not_positive");
        }
        return new DsoFigures(periodStart, asOf, days, creditSales, beginningAr, aging.totalOpen(), current,
                Formulas.round(standard, DAYS_PLACES), Formulas.round(averageAr, DAYS_PLACES),
                Formulas.round(countback.days(), DAYS_PLACES), Formulas.round(best, DAYS_PLACES),
                Formulas.round(add, DAYS_PLACES), Formulas.round(rolling, DAYS_PLACES));
    }


    /**
     * CEI for the calendar quarter to as-of: beginning AR at the end of the previous quarter,
     * the quarter's credit sales (months of {@code monthly}, latest first), ending AR and
     * current AR at as-of.
     */
    private MonthEndFigures.CeiFigures ceiQuarter(LocalDate asOf, LocalDate periodStart, List<Formulas.MonthSales> monthly,
                                                   Money currentAr, Ledger ledger, Map<LocalDate, Money> arAt,
                                                   List<String> flags) {
        LocalDate quarterStart = quarterStart(periodStart);
        int months = periodStart.getMonthValue() - quarterStart.getMonthValue() + 1;
        BigDecimal sales = BigDecimal.ZERO;
        for (int m = 0; m < months && m < monthly.size(); m++) {
            sales = sales.add(monthly.get(m).sales());
        }
        Money beginning = arAt.get(quarterStart.minusDays(1));
        Money ending = arAt.get(asOf);
        BigDecimal cei = Formulas.round(Formulas.cei(beginning.amount(), sales, ending.amount(), currentAr.amount()), INDEX_PLACES);
        if (cei == null) {
            flags.add("cei_quarter_null_denominator_not_positive");
        }
        Currency fc = ledger.fx().functional();
        return new MonthEndFigures.CeiFigures(quarterStart, asOf, beginning,
                Money.of(sales.setScale(fc.getDefaultFractionDigits(), java.math.RoundingMode.HALF_EVEN), fc), ending, currentAr, cei);
    }

    /** The first day of the calendar quarter the period is in. */
    private static LocalDate quarterStart(LocalDate periodStart) {
        return periodStart.withMonth((periodStart.getMonthValue() - 1) / 3 * 3 + 1);
    }

    /** How each figure was made, in words, for every report that shows it (METRICS.md: every convention is printed). */
    private Map<String, String> conventions(LocalDate asOf) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("aging", (buckets.basis() == dev.o2c.domain.aging.AgingBasis.DUE_DATE
                ? "days past due = as_of - due_date, 0 or less is Current" : "days since the document = as_of - invoice_date")
                + "; buckets " + String.join(", ", buckets.labels()) + ", upper edges inclusive; open items in the functional"
                + " currency at the as-of rate; credits and unapplied cash are negative items on their own dates; disputed items"
                + " stay in their buckets and are subtotalled apart");
        c.put("dso", "period = the calendar month to as_of; credit sales = invoices - credit memos dated in it, at each"
                + " document date's rate; standard = ending AR / credit sales x days; average-AR uses (beginning + ending) / 2;"
                + " countback walks back month by month; best possible uses current (not yet due) AR; average days delinquent"
                + " = standard - best possible; rolling three-month = average of the last three month-end ARs x 30 / average"
                + " monthly credit sales of those months; null when sales are not positive");
        c.put("cei", "(beginning AR + credit sales - ending total AR) / (beginning AR + credit sales - ending current AR) x 100;"
                + " month and calendar quarter to as_of; null when the denominator is not positive");
        c.put("cash_application", "bank credits with a value date in the period, each counted once: auto = every part applied"
                + " to invoices automatically; on account = customer known, some of it not applied; suggested = needs a person;"
                + " unmatched = no customer identified (unidentified cash); reconciled = already applied in the ERP; rates by"
                + " count and by functional amount at the value date's rate; time to apply: for AUTO credits as_of - value date"
                + " (they wait for the close that applies them), for ERP receipts naming a bank line of the period receipt date -"
                + " value date; median (mean of the middle two when even) and 90th percentile (nearest rank)");
        c.put("rollforward", "opening AR + invoiced - credit memos - cash applied - write-offs + fx revaluation = closing AR;"
                + " per document currency exact, the difference must be 0.00");
        c.put("allowance", "required allowance = sum of bucket balance x loss rate, rates "
                + rules.allowanceRatesPercent().stream().map(r -> r.toPlainString() + " %").toList()
                + " for " + buckets.labels() + "; the total rounded once");
        c.put("credit_exposure", "open AR of the customer and its subsidiaries (functional) against credit_limit converted at"
                + " the as-of rate; over the limit when open AR exceeds it");
        c.put("collections", "overdue invoices not disputed (days past due from the due date, as of " + asOf + ") ranked by functional"
                + " open amount x days past due; dunning level = how many of " + rules.dunningDays()
                + " days past due the item has reached");
        return c;
    }

    /** Credit sales per month in the functional currency, the period first, back to the first document's month. */
    private CashApplicationFigures cashApplication(LocalDate periodStart, LocalDate asOf, Ledger ledger, FxRates fx,
                                                   List<Control> controls, List<String> flags) {
        Map<String, List<CashAllocation>> byCredit = byCredit(ledger.cashAllocations());
        long credits = ledger.bankTransactions().stream().filter(BankTransaction::isCredit).count();
        controls.add(Control.of("cash application: every bank credit decided", credits, byCredit.size()));
        controls.addAll(allocationControls(byCredit));

        List<List<CashAllocation>> periodCredits = new ArrayList<>();
        for (List<CashAllocation> rows : byCredit.values()) {
            if (inPeriod(rows.get(0).valueDate(), periodStart, asOf)) {
                periodCredits.add(rows);
            }
        }
        if (periodCredits.isEmpty()) {
            flags.add("cash_application_no_bank_credits_in_period");
        }
        // time to apply: our AUTO credits wait for the close that applies them (as-of - value date);
        // the ERP's receipts that name a bank line took receipt date - value date
        List<Long> autoDays = new ArrayList<>();
        Map<String, LocalDate> valueDates = new HashMap<>();
        for (List<CashAllocation> rows : periodCredits) {
            if (classify(rows) == ApplicationStatus.AUTO) {
                autoDays.add(ChronoUnit.DAYS.between(rows.get(0).valueDate(), asOf));
            }
        }
        for (BankTransaction t : ledger.bankTransactions()) {
            if (t.isCredit() && inPeriod(t.valueDate(), periodStart, asOf)) {
                valueDates.put(t.transactionId(), t.valueDate());
            }
        }
        List<Long> erpDays = new ArrayList<>();
        for (Receipt r : ledger.receipts()) {
            LocalDate value = r.bankReference() == null ? null : valueDates.get(r.bankReference());
            if (value != null) {
                erpDays.add(ChronoUnit.DAYS.between(value, r.receiptDate()));
            }
        }
        return statusShares(periodCredits, fx, timeToApply(autoDays), timeToApply(erpDays));
    }

    /**
     * The credits, each counted once under the status that describes it ({@link #classify}), by count and by
     * amount in the functional currency at each credit's value date, with each status's share of the whole.
     */
    static CashApplicationFigures statusShares(List<List<CashAllocation>> credits, FxRates fx, MonthEndFigures.TimeToApply auto,
                                               MonthEndFigures.TimeToApply erp) {
        Money zero = fx.zero();
        long[] counts = new long[ApplicationStatus.values().length];
        Money[] amounts = new Money[ApplicationStatus.values().length];
        java.util.Arrays.fill(amounts, zero);
        long total = 0;
        Money totalAmount = zero;
        for (List<CashAllocation> rows : credits) {
            CashAllocation first = rows.get(0);
            ApplicationStatus status = classify(rows);
            Money f = fx.toFunctional(first.creditAmount(), first.valueDate());
            counts[status.ordinal()]++;
            amounts[status.ordinal()] = amounts[status.ordinal()].plus(f);
            total++;
            totalAmount = totalAmount.plus(f);
        }
        return new CashApplicationFigures(total, totalAmount,
                share(ApplicationStatus.AUTO, counts, amounts, total, totalAmount),
                share(ApplicationStatus.SUGGESTED, counts, amounts, total, totalAmount),
                share(ApplicationStatus.ON_ACCOUNT, counts, amounts, total, totalAmount),
                share(ApplicationStatus.UNMATCHED, counts, amounts, total, totalAmount),
                share(ApplicationStatus.RECONCILED, counts, amounts, total, totalAmount),
                auto, erp);
    }

    /** The allocation rows of each bank credit (account and transaction id), in the rows' order. */
    static Map<String, List<CashAllocation>> byCredit(List<CashAllocation> allocations) {
        Map<String, List<CashAllocation>> byCredit = new LinkedHashMap<>();
        for (CashAllocation a : allocations) {
            byCredit.computeIfAbsent(a.account() + '\u0000' + a.bankTransactionId(), k -> new ArrayList<>()).add(a);
        }
        return byCredit;
    }

    /** Per currency: the credits not already in the ERP = the sum of their allocation rows (nothing lost, nothing made up). */
    static List<Control> allocationControls(Map<String, List<CashAllocation>> byCredit) {
        List<Control> controls = new ArrayList<>();
        Map<Currency, Money[]> accounted = new TreeMap<>((a, b) -> a.getCurrencyCode().compareTo(b.getCurrencyCode()));
        for (List<CashAllocation> rows : byCredit.values()) {
            if (rows.get(0).status() == ApplicationStatus.RECONCILED) {
                continue;
            }
            Money amount = rows.get(0).creditAmount();
            Money[] pair = accounted.computeIfAbsent(amount.currency(), c -> new Money[]{Money.zero(c), Money.zero(c)});
            pair[0] = pair[0].plus(amount);
            for (CashAllocation row : rows) {
                pair[1] = pair[1].plus(row.applied());
            }
        }
        accounted.forEach((cur, pair) -> controls.add(new Control("cash application " + cur.getCurrencyCode()
                + ": credits = sum of their allocations", pair[0].amount(), pair[1].amount())));
        return controls;
    }

    /** Median (mean of the middle two when even) and 90th percentile (nearest rank) of the days. */
    static MonthEndFigures.TimeToApply timeToApply(List<Long> days) {
        if (days.isEmpty()) {
            return new MonthEndFigures.TimeToApply(0, null, null);
        }
        long[] sorted = days.stream().mapToLong(Long::longValue).sorted().toArray();
        int n = sorted.length;
        BigDecimal median = n % 2 == 1 ? BigDecimal.valueOf(sorted[n / 2])
                : BigDecimal.valueOf(sorted[n / 2 - 1] + sorted[n / 2]).divide(BigDecimal.valueOf(2));
        int rank = (int) Math.ceil(0.9 * n); // nearest rank, 1-based: exact for the counts a month has
        BigDecimal p90 = BigDecimal.valueOf(sorted[Math.max(0, rank - 1)]);
        return new MonthEndFigures.TimeToApply(n, Formulas.round(median, DAYS_PLACES), Formulas.round(p90, DAYS_PLACES));
    }

    /** One status per credit: AUTO only when every part of it was applied automatically. */
    static ApplicationStatus classify(List<CashAllocation> rows) {
        boolean allAuto = true;
        boolean anyOnAccount = false;
        for (CashAllocation row : rows) {
            switch (row.status()) {
                case RECONCILED -> {
                    return ApplicationStatus.RECONCILED;
                }
                case SUGGESTED -> {
                    return ApplicationStatus.SUGGESTED;
                }
                case UNMATCHED -> {
                    return ApplicationStatus.UNMATCHED;
                }
                case ON_ACCOUNT -> {
                    anyOnAccount = true;
                    allAuto = false;
                }
                case AUTO -> {
                }
            }
        }
        return allAuto && !anyOnAccount ? ApplicationStatus.AUTO : ApplicationStatus.ON_ACCOUNT;
    }

    private static Share share(ApplicationStatus status, long[] counts, Money[] amounts, long total, Money totalAmount) {
        int i = status.ordinal();
        return new Share(counts[i], amounts[i],
                Formulas.round(Formulas.ratio(BigDecimal.valueOf(counts[i]), BigDecimal.valueOf(total)), RATIO_PLACES),
                Formulas.round(Formulas.ratio(amounts[i].amount(), totalAmount.amount()), RATIO_PLACES));
    }

    /** Credit memos and receipts that name an unknown invoice or one in another currency. */
    private static List<ExceptionItem> ledgerExceptions(Ledger ledger, OpenItemsIndex invoices) {
        List<ExceptionItem> out = new ArrayList<>();
        for (Invoice doc : ledger.documents()) {
            if (doc.isCreditMemo() && doc.originalInvoiceId() != null) {
                Invoice original = invoices.invoice(doc.originalInvoiceId());
                if (original == null) {
                    out.add(new ExceptionItem("CREDIT_MEMO_UNKNOWN_INVOICE", Severity.WARNING, "credit_memo", doc.invoiceId(),
                            doc.amount(), "original_invoice_id " + doc.originalInvoiceId() + " is not a known invoice; aged as an open credit"));
                } else if (!original.amount().isSameCurrency(doc.amount())) {
                    out.add(new ExceptionItem("CREDIT_MEMO_CURRENCY", Severity.ERROR, "credit_memo", doc.invoiceId(),
                            doc.amount(), "credit memo in " + doc.amount().currencyCode() + " for invoice "
                            + original.invoiceId() + " in " + original.amount().currencyCode() + "; aged as an open credit"));
                }
            }
        }
        for (Receipt r : ledger.receipts()) {
            for (Receipt.Allocation a : r.allocations()) {
                if (a.invoiceId() != null) {
                    Invoice target = invoices.invoice(a.invoiceId());
                    if (target == null) {
                        out.add(new ExceptionItem("RECEIPT_UNKNOWN_INVOICE", Severity.WARNING, "receipt", r.receiptId(),
                                a.amount(), "applied to " + a.invoiceId() + ", not a known invoice; held as unapplied cash"));
                    } else if (!target.amount().isSameCurrency(a.amount())) {
                        out.add(new ExceptionItem("RECEIPT_CURRENCY", Severity.ERROR, "receipt", r.receiptId(),
                                a.amount(), "receipt in " + a.amount().currencyCode() + " applied to " + target.invoiceId()
                                + " in " + target.amount().currencyCode() + "; held as unapplied cash"));
                    }
                }
            }
        }
        return out;
    }

    /** Invoices that credits and cash took below zero (the aging's overpaid invoices). */
    private static List<ExceptionItem> overpaid(LocalDate asOf, List<OpenItem> overpaidInvoices) {
        List<ExceptionItem> out = new ArrayList<>();
        for (OpenItem item : overpaidInvoices) {
            out.add(new ExceptionItem("INVOICE_OVERPAID", Severity.WARNING, "invoice", item.documentId(), item.open(),
                    "credits and cash exceed the invoice by " + item.open().negate().toPlainString() + " as of " + asOf));
        }
        return out;
    }

    private static boolean inPeriod(LocalDate date, LocalDate start, LocalDate end) {
        return !date.isBefore(start) && !date.isAfter(end);
    }

    /**
     * The period's movements per document currency (invoiced, credit memos, cash) and in the
     * functional currency at each document's or payment's date. Each loop is a method of its
     * own: the compiler then compiles a small loop, not the whole calculation, when it is hot.
     */
    private static final class PeriodMovements {
        final Map<Currency, Money[]> perCurrency = new TreeMap<>((a, b) -> a.getCurrencyCode().compareTo(b.getCurrencyCode()));
        Money invoicedF;
        Money memosF;
        Money cashF;

        private PeriodMovements(Money zero) {
            invoicedF = zero;
            memosF = zero;
            cashF = zero;
        }

        static PeriodMovements of(LocalDate periodStart, LocalDate asOf, Ledger ledger, List<CashMovement> cash) {
            PeriodMovements p = new PeriodMovements(ledger.fx().zero());
            p.addDocuments(periodStart, asOf, ledger.documents(), ledger.fx());
            p.addCash(periodStart, asOf, cash, ledger.fx());
            return p;
        }

        private void addDocuments(LocalDate periodStart, LocalDate asOf, Iterable<Invoice> documents, FxRates fx) {
            for (Invoice doc : documents) {
                if (inPeriod(doc.invoiceDate(), periodStart, asOf)) {
                    Money[] m = of(doc.amount().currency());
                    if (doc.isCreditMemo()) {
                        m[1] = m[1].plus(doc.amount());
                        memosF = memosF.plus(fx.toFunctional(doc.amount(), doc.invoiceDate()));
                    } else {
                        m[0] = m[0].plus(doc.amount());
                        invoicedF = invoicedF.plus(fx.toFunctional(doc.amount(), doc.invoiceDate()));
                    }
                }
            }
        }

        private void addCash(LocalDate periodStart, LocalDate asOf, Iterable<CashMovement> cash, FxRates fx) {
            for (CashMovement move : cash) {
                if (inPeriod(move.date(), periodStart, asOf)) {
                    Money[] m = of(move.amount().currency());
                    m[2] = m[2].plus(move.amount());
                    cashF = cashF.plus(fx.toFunctional(move.amount(), move.date()));
                }
            }
        }

        /** The currency's invoiced, credit memos and cash, made zero when first asked. */
        Money[] of(Currency currency) {
            return perCurrency.computeIfAbsent(currency, c -> new Money[]{Money.zero(c), Money.zero(c), Money.zero(c)});
        }
    }

    private static Map<Currency, Money> sumByCurrency(List<OpenItem> items) {
        Map<Currency, BigDecimal> sums = new HashMap<>();
        for (OpenItem item : items) {
            sums.merge(item.open().currency(), item.open().amount(), BigDecimal::add);
        }
        Map<Currency, Money> out = new HashMap<>();
        sums.forEach((c, sum) -> out.put(c, Money.of(sum, c)));
        return out;
    }
}
