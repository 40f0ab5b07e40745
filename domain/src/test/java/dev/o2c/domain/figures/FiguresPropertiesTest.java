package dev.o2c.domain.figures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.domain.aging.AgingBuckets;
import dev.o2c.domain.ar.Customer;
import dev.o2c.domain.ar.DocumentType;
import dev.o2c.domain.ar.Invoice;
import dev.o2c.domain.ar.Receipt;
import dev.o2c.domain.bank.BankTransaction;
import dev.o2c.domain.cashapp.ApplicationStatus;
import dev.o2c.domain.cashapp.CashAllocation;
import dev.o2c.domain.controls.Control;
import dev.o2c.domain.money.FxRates;
import dev.o2c.domain.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties that hold for any ledger, checked on random companies (one per seed): three
 * currencies with moving rates, parents and limits, partial payments, credit memos applied
 * and open (some in another currency than their invoice), receipts to unknown invoices and
 * on account, bank credits applied or held on account, documents after as-of, disputes.
 */
public class FiguresPropertiesTest {

    static final Currency USD = Money.currency("USD");
    static final Currency EUR = Money.currency("EUR");
    static final Currency JPY = Money.currency("JPY");
    static final LocalDate START = LocalDate.of(2024, 9, 1);

    static Stream<Long> seeds() {
        return IntStream.rangeClosed(1, 25).mapToObj(i -> (long) i);
    }

    /** A random company over fifteen months from {@link #START}. */
    public static Ledger company(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        FxRates fx = new FxRates(USD);
        for (int m = 0; m < 16; m++) {
            fx.put(START.plusMonths(m), EUR, new BigDecimal("1.0").add(BigDecimal.valueOf(r.nextInt(3000), 4)));
            fx.put(START.plusMonths(m).plusDays(m == 0 ? 0 : 14), JPY, new BigDecimal("0.00").add(BigDecimal.valueOf(600 + r.nextInt(200), 5)));
        }
        Currency[] currencies = {USD, EUR, JPY};
        List<Customer> customers = new ArrayList<>();
        int customerCount = 5 + r.nextInt(20);
        for (int c = 0; c < customerCount; c++) {
            Currency cur = currencies[r.nextInt(3)];
            String parent = c > 2 && r.nextInt(4) == 0 ? id("C", r.nextInt(c)) : null;
            Money limit = r.nextBoolean() ? money(1_000 + r.nextInt(50_000), cur) : null;
            customers.add(new Customer(id("C", c), "Customer " + c, cur, limit, 30, "US", List.of(), parent));
        }
        List<Invoice> docs = new ArrayList<>();
        List<Receipt> receipts = new ArrayList<>();
        List<CashAllocation> allocations = new ArrayList<>();
        List<BankTransaction> bank = new ArrayList<>();
        int invoiceCount = 50 + r.nextInt(300);
        for (int i = 0; i < invoiceCount; i++) {
            Customer c = customers.get(r.nextInt(customers.size()));
            Currency cur = r.nextInt(10) == 0 ? currencies[r.nextInt(3)] : c.currency();
            LocalDate date = START.plusDays(r.nextInt(440)); // some after every as-of tested
            Money amount = money(1 + r.nextInt(20_000), cur);
            String id = id("INV", i);
            docs.add(new Invoice(id, c.customerId(), null, date, date.plusDays(r.nextBoolean() ? 30 : 60), amount,
                    DocumentType.INVOICE, null, r.nextInt(15) == 0));
            int what = r.nextInt(10);
            if (what < 5) { // a receipt in the ERP, full or partial, in the invoice's currency or (rarely) another
                Money paid = r.nextBoolean() ? amount : part(amount, r);
                Money receipt = r.nextInt(20) == 0 ? money(1 + r.nextInt(500), currencies[r.nextInt(3)]) : paid;
                receipts.add(new Receipt(id("R", i), c.customerId(), date.plusDays(r.nextInt(90)), null,
                        List.of(new Receipt.Allocation(r.nextInt(30) == 0 ? "NO-SUCH" : id, receipt))));
            } else if (what < 7) { // a bank credit we applied (AUTO), possibly with a rest on account
                Money paid = part(amount, r);
                LocalDate value = date.plusDays(r.nextInt(90));
                String tx = id("B", i);
                bank.add(BankTransaction.builder().transactionId(tx).account("A").bookingDate(value).valueDate(value).amount(paid)
                        .statementFile("s").position(i).build());
                allocations.add(row(tx, value, paid, c.customerId(), id, paid, ApplicationStatus.AUTO));
            } else if (what == 7) { // cash on account
                Money cash = money(1 + r.nextInt(5_000), c.currency());
                LocalDate value = date.plusDays(r.nextInt(60));
                String tx = id("BA", i);
                bank.add(BankTransaction.builder().transactionId(tx).account("A").bookingDate(value).valueDate(value).amount(cash)
                        .statementFile("s").position(i).build());
                allocations.add(row(tx, value, cash, c.customerId(), null, cash, ApplicationStatus.ON_ACCOUNT));
            } else if (what == 8) { // a credit memo against it (sometimes in another currency: an open credit)
                Currency memoCur = r.nextInt(5) == 0 ? currencies[r.nextInt(3)] : cur;
                docs.add(new Invoice(id("CM", i), c.customerId(), null, date.plusDays(r.nextInt(45)), date.plusDays(45),
                        memoCur == cur ? part(amount, r) : money(1 + r.nextInt(900), memoCur), DocumentType.CREDIT_MEMO, id, false));
            }
        }
        for (int k = 0; k < 10; k++) { // credit memos of nobody's invoice
            Customer c = customers.get(r.nextInt(customers.size()));
            LocalDate date = START.plusDays(r.nextInt(420));
            docs.add(new Invoice(id("CMO", k), c.customerId(), null, date, date, money(1 + r.nextInt(3_000), c.currency()),
                    DocumentType.CREDIT_MEMO, null, false));
        }
        return new Ledger(customers, docs, receipts, bank, allocations, fx);
    }

    static CashAllocation row(String tx, LocalDate value, Money credit, String customer, String invoice, Money applied,
                              ApplicationStatus status) {
        return new CashAllocation(tx, "A", "s", value, credit, customer, invoice, applied, status, "test", new BigDecimal("1.00"), "test");
    }

    static Money money(long minor, Currency cur) {
        return Money.of(BigDecimal.valueOf(minor, cur.getDefaultFractionDigits()), cur);
    }

    static Money part(Money amount, SplittableRandom r) {
        long minor = amount.amount().unscaledValue().longValueExact();
        return money(Math.max(1, (long) (minor * (0.1 + 0.9 * r.nextDouble()))), amount.currency());
    }

    static String id(String prefix, int n) {
        return String.format(Locale.ROOT, "%s%05d", prefix, n);
    }

    final MonthEndCalculator calculator = new MonthEndCalculator(AgingBuckets.DEFAULT);

    @ParameterizedTest
    @MethodSource("seeds")
    void bucketsAddUpRollForwardsTieAndEveryControlPasses(long seed) {
        Ledger ledger = company(seed);
        for (LocalDate asOf : List.of(LocalDate.of(2025, 6, 30), LocalDate.of(2025, 7, 15), LocalDate.of(2025, 8, 31))) {
            MonthEnd m = calculator.compute(asOf, ledger);
            MonthEndFigures f = m.figures();
            Money sum = Money.zero(f.functionalCurrency());
            for (MonthEndFigures.BucketAmount b : f.aging().buckets()) {
                sum = sum.plus(b.amount());
            }
            assertThat(sum).as("seed %d as of %s: sum of buckets", seed, asOf).isEqualTo(f.aging().totalOpen());
            assertThat(f.rollforward().difference().isZero()).as("seed %d as of %s: roll-forward difference", seed, asOf).isTrue();
            assertThat(m.controls()).as("seed %d as of %s", seed, asOf).allMatch(Control::passed);
            for (MonthEndFigures.CurrencyRollForward c : f.rollforwardByCurrency()) {
                assertThat(c.openingAr().plus(c.invoiced()).minus(c.creditMemos()).minus(c.cashApplied())).isEqualTo(c.closingAr());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void lastMonthEndPlusTheMonthsMovementsIsThisMonthEnd(long seed) {
        Ledger ledger = company(seed);
        MonthEnd previous = calculator.compute(LocalDate.of(2025, 7, 31), ledger);
        MonthEnd current = calculator.compute(LocalDate.of(2025, 8, 31), ledger);
        assertThat(current.figures().rollforward().openingAr()).isEqualTo(previous.figures().aging().totalOpen());
        // per document currency, exactly: July's closing + August's movements = August's closing
        for (MonthEndFigures.CurrencyRollForward c : current.figures().rollforwardByCurrency()) {
            Money julyClosing = previous.figures().rollforwardByCurrency().stream().filter(p -> p.currency().equals(c.currency()))
                    .map(MonthEndFigures.CurrencyRollForward::closingAr).findFirst().orElse(Money.zero(c.currency()));
            assertThat(c.openingAr()).isEqualTo(julyClosing);
            assertThat(julyClosing.plus(c.invoiced()).minus(c.creditMemos()).minus(c.cashApplied())).isEqualTo(c.closingAr());
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theOtherFiguresAreConsistentWithTheAging(long seed) {
        Ledger ledger = company(seed);
        LocalDate asOf = LocalDate.of(2025, 8, 31);
        MonthEnd m = calculator.compute(asOf, ledger);
        MonthEndFigures f = m.figures();
        // allowance: the rounded lines are within half a cent each of the total, rounded once
        BigDecimal lines = f.allowance().lines().stream().map(l -> l.allowance().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(lines.subtract(f.allowance().total().amount()).abs())
                .isLessThanOrEqualTo(new BigDecimal("0.005").multiply(BigDecimal.valueOf(f.allowance().lines().size())));
        // collections: overdue, not disputed, positive invoices; the amount is theirs
        List<CollectionsWorklist.Item> worklist = CollectionsWorklist.of(m.aging().items(), asOf, FigureRules.defaults(6));
        assertThat(worklist).allMatch(i -> i.daysPastDue() > 0 && i.functional().isPositive());
        assertThat(worklist.size()).isEqualTo(f.collections().overdueItems());
        assertThat(m.aging().items().stream().filter(a -> a.item().disputed()).map(a -> a.item().documentId()))
                .doesNotContainAnyElementsOf(worklist.stream().map(CollectionsWorklist.Item::documentId).toList());
        for (int k = 1; k < worklist.size(); k++) {
            assertThat(worklist.get(k - 1).score()).isGreaterThanOrEqualTo(worklist.get(k).score());
        }
        // credit exposure: the excess is what the over-limit customers owe beyond their limits
        Money excess = Money.zero(USD);
        for (CreditExposure.Line l : f.creditExposure().overLimit()) {
            assertThat(l.openAr().amount()).isGreaterThan(l.limitFunctional().amount());
            excess = excess.plus(l.openAr().minus(l.limitFunctional()));
        }
        assertThat(f.creditExposure().overLimitExcess()).isEqualTo(excess);
        // disputed items are a part of the total
        assertThat(f.aging().disputedItems()).isEqualTo(m.aging().items().stream().filter(a -> a.item().disputed()).count());
        // the same ledger gives the same figures
        assertThat(calculator.compute(asOf, ledger).figures()).isEqualTo(f);
    }
}
