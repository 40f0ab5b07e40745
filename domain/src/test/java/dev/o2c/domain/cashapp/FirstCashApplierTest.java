package dev.o2c.domain.cashapp;

import static dev.o2c.domain.support.Ledgers.acme;
import static dev.o2c.domain.support.Ledgers.credit;
import static dev.o2c.domain.support.Ledgers.eur;
import static dev.o2c.domain.support.Ledgers.globex;
import static dev.o2c.domain.support.Ledgers.invoice;
import static dev.o2c.domain.support.Ledgers.receipt;
import static dev.o2c.domain.support.Ledgers.usd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.domain.ar.Invoice;
import dev.o2c.domain.ar.Receipt;
import dev.o2c.domain.bank.BankTransaction;
import java.util.List;
import org.junit.jupiter.api.Test;

class FirstCashApplierTest {

    final Invoice inv7 = invoice("INV-000007", "C001", "2024-03-01", "2024-03-31", usd("1200.00"));
    final Invoice inv8 = invoice("INV-000008", "C001", "2024-03-02", "2024-04-01", usd("300.00"));
    final Invoice inv9 = invoice("INV-000009", "C002", "2024-03-02", "2024-04-01", usd("800.00"));

    CashApplication apply(List<Receipt> receipts, BankTransaction... lines) {
        return new FirstCashApplier(List.of(acme(), globex()), List.of(inv7, inv8, inv9), receipts).apply(List.of(lines));
    }

    @Test
    void remittanceNamingOneOpenInvoiceOfTheExactAmountIsAppliedAutomatically() {
        CashApplication result = apply(List.of(), credit("B1", "2024-03-20", usd("1200.00"), "ACME TRADING", null, "Payment inv 000007 thanks"));
        assertThat(result.allocations()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(ApplicationStatus.AUTO);
            assertThat(a.invoiceId()).isEqualTo("INV-000007");
            assertThat(a.customerId()).isEqualTo("C001");
            assertThat(a.applied()).isEqualTo(usd("1200.00"));
            assertThat(a.rule()).isEqualTo("remittance-invoice-exact");
            assertThat(a.explanation()).contains("INV-000007").contains("1200.00 USD");
        });
    }

    @Test
    void theSameInvoicePaidTwiceIsAppliedOnlyOnce() {
        CashApplication result = apply(List.of(),
                credit("B1", "2024-03-20", usd("1200.00"), "ACME", null, "INV-000007"),
                credit("B2", "2024-03-21", usd("1200.00"), "ACME", null, "INV-000007"));
        assertThat(result.allocations()).extracting(CashAllocation::status)
                .containsExactly(ApplicationStatus.AUTO, ApplicationStatus.ON_ACCOUNT);
        assertThat(result.allocations().get(1).explanation()).contains("no invoice it names is still open");
    }

    @Test
    void aDifferentAmountIsHeldOnAccountWithTheReason() {
        CashApplication result = apply(List.of(), credit("B1", "2024-03-20", usd("1150.00"), "ACME", null, "INV-000007"));
        CashAllocation a = result.allocations().get(0);
        assertThat(a.status()).isEqualTo(ApplicationStatus.ON_ACCOUNT);
        assertThat(a.customerId()).isEqualTo("C001");
        assertThat(a.invoiceId()).isNull();
        assertThat(a.explanation()).contains("1150.00 USD differs from the open amount 1200.00 USD");
        assertThat(result.exceptions()).extracting(e -> e.category()).containsExactly("CASH_ON_ACCOUNT");
    }

    @Test
    void severalInvoicesNamedAreNotAutoApplied() {
        CashApplication result = apply(List.of(), credit("B1", "2024-03-20", usd("1500.00"), "ACME", null, "INV-000007 INV-000008"));
        assertThat(result.allocations()).singleElement().extracting(CashAllocation::status).isEqualTo(ApplicationStatus.ON_ACCOUNT);
    }

    @Test
    void aKnownPayerAccountIdentifiesTheCustomer() {
        CashApplication result = apply(List.of(), credit("B1", "2024-03-20", usd("99.00"), "GLOBEX", "DE89 3704 0044 0532 0130 00", "March"));
        assertThat(result.allocations()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(ApplicationStatus.ON_ACCOUNT);
            assertThat(a.customerId()).isEqualTo("C002");
            assertThat(a.rule()).isEqualTo("payer-account");
        });
    }

    @Test
    void evidenceForTwoCustomersIsOnlySuggested() {
        CashApplication result = apply(List.of(), credit("B1", "2024-03-20", usd("1200.00"), "GLOBEX", "DE89370400440532013000", "INV-000007"));
        assertThat(result.allocations()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(ApplicationStatus.SUGGESTED);
            assertThat(a.invoiceId()).isEqualTo("INV-000007");
        });
    }

    @Test
    void nothingToGoOnIsUnmatched() {
        CashApplication result = apply(List.of(), credit("B1", "2024-03-20", usd("10.00"), "SOMEONE", "GB00XXXX", "thank you"));
        assertThat(result.allocations()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(ApplicationStatus.UNMATCHED);
            assertThat(a.customerId()).isNull();
        });
        assertThat(result.exceptions()).extracting(e -> e.category()).containsExactly("CASH_UNIDENTIFIED");
    }

    @Test
    void currencyMustAgree() {
        CashApplication result = apply(List.of(), credit("B1", "2024-03-20", eur("1200.00"), "ACME", null, "INV-000007"));
        assertThat(result.allocations().get(0).status()).isEqualTo(ApplicationStatus.ON_ACCOUNT);
        assertThat(result.allocations().get(0).explanation()).contains("is in USD, the credit in EUR");
    }

    @Test
    void anErpReceiptNamingTheBankLineReconcilesItAndItIsNotAppliedAgain() {
        Receipt r = receipt("R-1", "C001", "2024-03-20", "B1", "INV-000007", usd("1200.00"));
        CashApplication result = apply(List.of(r), credit("B1", "2024-03-20", usd("1200.00"), "ACME", null, "INV-000007"));
        assertThat(result.allocations()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(ApplicationStatus.RECONCILED);
            assertThat(a.invoiceId()).isEqualTo("INV-000007");
        });
        assertThat(result.exceptions()).isEmpty();
    }

    @Test
    void receiptsAndBankLinesThatDisagreeAreExceptions() {
        Receipt r = receipt("R-1", "C001", "2024-03-20", "B1", "INV-000007", usd("1000.00"));
        Receipt lost = receipt("R-2", "C001", "2024-03-20", "B404", "INV-000008", usd("300.00"));
        CashApplication result = apply(List.of(r, lost), credit("B1", "2024-03-20", usd("1200.00"), "ACME", null, ""));
        assertThat(result.exceptions()).extracting(e -> e.category())
                .containsExactlyInAnyOrder("BANK_RECEIPT_AMOUNT_DIFFERS", "RECEIPT_WITHOUT_BANK_LINE");
    }

    @Test
    void debitsAreNotCashApplication() {
        assertThat(apply(List.of(), credit("B1", "2024-03-20", usd("-50.00"), "BANK", null, "fee")).allocations()).isEmpty();
    }

    @Test
    void finderIsTolerantToSeparatorsButNotToShortIds() {
        InvoiceReferenceFinder finder = new InvoiceReferenceFinder(List.of("INV-000123", "12", "SO/88/1"));
        assertThat(finder.find("pay inv 000123 and so-88-1")).containsExactly("INV-000123", "SO/88/1");
        assertThat(finder.find("order 12")).isEmpty();
    }
}
