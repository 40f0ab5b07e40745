package dev.o2c.domain.cashapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.domain.ar.Customer;
import dev.o2c.domain.ar.DocumentType;
import dev.o2c.domain.ar.Invoice;
import dev.o2c.domain.ar.Receipt;
import dev.o2c.domain.bank.BankTransaction;
import dev.o2c.domain.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The same ledger and bank lines give the same rows whatever the thread count and the order they come in. */
class DeterminismTest {

    @Test
    void resultsDoNotDependOnThreadsOrInputOrder() {
        SplittableRandom random = new SplittableRandom(3);
        List<Customer> customers = new ArrayList<>();
        for (int c = 0; c < 500; c++) {
            customers.add(new Customer(String.format(Locale.ROOT, "C%04d", c), "Customer " + c + " Ltd", Money.currency("EUR"),
                    null, 30, "DE", List.of(String.format(Locale.ROOT, "DE%020d", c)), c > 10 && c % 50 == 0 ? "C0001" : null));
        }
        List<Invoice> invoices = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            LocalDate d = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(280));
            // few distinct amounts: many ties, combinations and traps
            invoices.add(new Invoice(String.format(Locale.ROOT, "INV-%06d", i), customers.get(random.nextInt(500)).customerId(), null, d,
                    d.plusDays(30), Money.of(BigDecimal.valueOf(100 + random.nextInt(400), 0), Money.currency("EUR")), DocumentType.INVOICE, null));
        }
        List<BankTransaction> lines = new ArrayList<>();
        // 25,000 credits: more chunks than the workers read ahead, so chunks are handed out while deciding
        for (int k = 0; k < 25_000; k++) {
            Invoice inv = invoices.get(random.nextInt(invoices.size()));
            int style = random.nextInt(5);
            String text = switch (style) {
                case 0 -> inv.invoiceId();
                case 1 -> "inv " + inv.invoiceId().substring(4, 9) + inv.invoiceId().charAt(9) + "7";
                default -> "payment";
            };
            String account = style == 4 ? "NL00" + k : String.format(Locale.ROOT, "DE%020d", Integer.parseInt(inv.customerId().substring(1)));
            lines.add(BankTransaction.builder().transactionId(String.format(Locale.ROOT, "B%06d", k)).account("A")
                    .bookingDate(LocalDate.of(2025, 10, 1 + k % 30)).valueDate(LocalDate.of(2025, 10, 1 + k % 28))
                    .amount(style == 3 ? inv.amount().plus(inv.amount()) : inv.amount()).counterpartyName("Customer " + inv.customerId())
                    .counterpartyAccount(account).remittanceInfo(text).statementFile(k % 2 == 0 ? "a.xml" : "b.sta").position(k).build());
        }
        List<Receipt> receipts = List.of();
        CashApplication one = new CashApplicationEngine(rules(1), customers, invoices, receipts).apply(lines);
        List<BankTransaction> shuffled = new ArrayList<>(lines);
        Collections.shuffle(shuffled, new java.util.Random(9));
        CashApplication four = new CashApplicationEngine(rules(4), customers, invoices, receipts).apply(shuffled);
        assertThat(four.allocations()).isEqualTo(one.allocations());
        assertThat(four.exceptions()).isEqualTo(one.exceptions());
        CashApplication two = new CashApplicationEngine(rules(2), customers, invoices, receipts).apply(shuffled);
        assertThat(two.allocations()).isEqualTo(one.allocations());
        assertThat(two.exceptions()).isEqualTo(one.exceptions());
        assertThat(one.allocations().stream().map(CashAllocation::status).distinct())
                .contains(ApplicationStatus.AUTO, ApplicationStatus.SUGGESTED, ApplicationStatus.ON_ACCOUNT);
        // the fast sort gives the documented order
        assertThat(CashApplicationEngine.inDecisionOrder(shuffled))
                .isEqualTo(lines.stream().sorted(CashApplicationEngine.DECISION_ORDER).toList());
    }

    /**
     * Many ties on every key but the last, and ids repeated across accounts: the order must be a stable sort's. Positions
     * that fit in the packed key with the rest (sorted as numbers), positions too far apart for it and further apart than
     * a long holds (the comparator, in two halves merged or in one go); a fifth of the lines are debits, so the halves
     * read on two threads keep different numbers of credits.
     */
    @ParameterizedTest
    @ValueSource(longs = {500L, 1L << 45, Long.MAX_VALUE})
    void aLargeListIsInTheOrderOfOneStableSort(long positionSpread) {
        java.util.Random random = new java.util.Random(3);
        List<BankTransaction> lines = new ArrayList<>();
        for (int k = 0; k < 120_000; k++) {
            LocalDate value = LocalDate.of(2025, 10, 1).plusDays(random.nextInt(5));
            // 500 distinct positions around 0 whatever the spread, so ties on position stay common
            long position = (random.nextInt(500) - 250) * (positionSpread / 250);
            lines.add(BankTransaction.builder().transactionId("T" + random.nextInt(60_000)).account("A" + random.nextInt(3))
                    .bookingDate(value.plusDays(random.nextInt(2))).valueDate(value)
                    .amount(Money.of(new BigDecimal(random.nextInt(5) == 0 ? "-10.00" : "10.00"), Money.currency("USD"))) // debits left out
                    .statementFile("s" + random.nextInt(4) + ".xml").position(position).build());
        }
        assertThat(CashApplicationEngine.inDecisionOrder(lines, true)).isEqualTo(CashApplicationEngine.inDecisionOrder(lines, false))
                .isEqualTo(lines.stream().filter(BankTransaction::isCredit).sorted(CashApplicationEngine.DECISION_ORDER).toList());
    }

    static MatchingRules rules(int threads) {
        MatchingRules d = MatchingRules.defaults();
        return new MatchingRules(d.rules(), d.nameSimilarity(), d.referenceMinDigits(), d.typoMinDigits(), d.shortAbsolute(),
                d.shortPercent(), d.bankFeeMax(), d.discounts(), d.subsetMaxItems(), d.subsetMaxSize(), d.receiptWindowDays(),
                d.amountOnly(), d.notCustomerCash(), d.orderTolerancePercent(), threads);
    }
}
