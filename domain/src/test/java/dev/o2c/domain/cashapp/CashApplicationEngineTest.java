package dev.o2c.domain.cashapp;

import static dev.o2c.domain.support.Ledgers.acme;
import static dev.o2c.domain.support.Ledgers.creditMemo;
import static dev.o2c.domain.support.Ledgers.credit;
import static dev.o2c.domain.support.Ledgers.d;
import static dev.o2c.domain.support.Ledgers.eur;
import static dev.o2c.domain.support.Ledgers.globex;
import static dev.o2c.domain.support.Ledgers.invoice;
import static dev.o2c.domain.support.Ledgers.receipt;
import static dev.o2c.domain.support.Ledgers.usd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.domain.ar.Customer;
import dev.o2c.domain.ar.Invoice;
import dev.o2c.domain.ar.Receipt;
import dev.o2c.domain.bank.BankTransaction;
import dev.o2c.domain.controls.ExceptionItem;
import dev.o2c.domain.money.Money;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CashApplicationEngineTest {

    final Invoice inv7 = invoice("INV-000007", "C001", "2024-03-01", "2024-03-31", usd("1200.00"));
    final Invoice inv8 = invoice("INV-000008", "C001", "2024-03-02", "2024-04-01", usd("300.00"));
    final Invoice inv9 = invoice("INV-000009", "C002", "2024-03-02", "2024-04-01", usd("800.00"));
    final Invoice big = invoice("INV-123456", "C001", "2024-03-05", "2024-04-04", usd("5000.00"));

    static final String ACME_ACCOUNT = "US12 3456 7890";

    MatchingRules rules = MatchingRules.defaults();
    List<Customer> customers = new ArrayList<>(List.of(acme(), globex()));
    List<Invoice> invoices = new ArrayList<>(List.of(inv7, inv8, inv9, big));

    CashApplication apply(List<Receipt> receipts, BankTransaction... lines) {
        return new CashApplicationEngine(rules, customers, invoices, receipts).apply(List.of(lines));
    }

    static BankTransaction credit2(String id, String date, Money amount, String payer, String account, String remittance, String type) {
        return BankTransaction.builder().transactionId(id).bankReference(id).account("ACCT-1").bookingDate(d(date))
                .valueDate(d(date)).amount(amount).counterpartyName(payer).counterpartyAccount(account)
                .remittanceInfo(remittance).typeCode(type).statementFile("bank/stmt.csv").build();
    }

    static List<ApplicationStatus> statuses(CashApplication r) {
        return r.allocations().stream().map(CashAllocation::status).toList();
    }

    static List<String> categories(CashApplication r) {
        return r.exceptions().stream().map(ExceptionItem::category).toList();
    }

    // ---------------------------------------------------------------- named invoices

    @Test
    void remittanceNamingOneOpenInvoiceOfTheExactAmountIsAppliedAutomatically() {
        CashApplication result = apply(List.of(), credit("B1", "2024-03-20", usd("1200.00"), "ACME TRADING", null, "Payment INV-000007 thanks"));
        assertThat(result.allocations()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(ApplicationStatus.AUTO);
            assertThat(a.invoiceId()).isEqualTo("INV-000007");
            assertThat(a.customerId()).isEqualTo("C001");
            assertThat(a.applied()).isEqualTo(usd("1200.00"));
            assertThat(a.rule()).isEqualTo("remittance-exact");
            assertThat(a.confidence()).isEqualByComparingTo("1.00");
            assertThat(a.explanation()).contains("INV-000007").contains("1200.00 USD").contains("equals its open amount");
        });
        assertThat(result.exceptions()).isEmpty();
    }

    @Test
    void prefixesSeparatorsAndLeadingZerosAreVariantsOfTheSameNumber() {
        CashApplication result = apply(List.of(),
                credit("B1", "2024-03-20", usd("1200.00"), "X", null, "inv 7"),
                credit("B2", "2024-03-20", usd("5000.00"), "Y", null, "Rechnung RE-123456"));
        assertThat(result.allocations()).extracting(CashAllocation::invoiceId).containsExactly("INV-000007", "INV-123456");
        assertThat(statuses(result)).containsOnly(ApplicationStatus.AUTO);
        assertThat(result.allocations().get(1).rule()).isEqualTo("remittance-variant");
        assertThat(result.allocations().get(1).explanation()).contains("written '123456'");
    }

    @Test
    void aTypoInTheNumberIsFoundAndAppliedOnlyWhenTheAmountAgrees() {
        CashApplication right = apply(List.of(), credit("B1", "2024-03-20", usd("5000.00"), "X", null, "INV 124356"));
        assertThat(right.allocations()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(ApplicationStatus.AUTO);
            assertThat(a.invoiceId()).isEqualTo("INV-123456");
            assertThat(a.rule()).isEqualTo("remittance-typo");
            assertThat(a.explanation()).contains("one character off");
        });
        CashApplication wrongAmount = apply(List.of(), credit("B1", "2024-03-20", usd("4000.00"), "X", null, "INV 124356"));
        assertThat(statuses(wrongAmount)).containsOnly(ApplicationStatus.SUGGESTED);
    }

    @Test
    void aTypoCloseToTwoInvoicesIdentifiesNeither() {
        invoices.add(invoice("INV-123457", "C002", "2024-03-05", "2024-04-04", usd("5000.00")));
        CashApplication result = apply(List.of(), credit("B1", "2024-03-20", usd("5000.00"), "X", null, "INV 123458"));
        assertThat(result.allocations()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(ApplicationStatus.UNMATCHED);
            assertThat(a.explanation()).contains("2 items of 2 customers are open at exactly 5000.00 USD");
        });
    }

    @Test
    void severalInvoicesNamedArePaidTogether() {
        CashApplication result = apply(List.of(), credit("B1", "2024-03-20", usd("1500.00"), "ACME", null, "INV-000007, INV-000008"));
        assertThat(result.allocations()).extracting(CashAllocation::invoiceId, CashAllocation::applied, CashAllocation::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("INV-000007", usd("1200.00"), ApplicationStatus.AUTO),
                        org.assertj.core.groups.Tuple.tuple("INV-000008", usd("300.00"), ApplicationStatus.AUTO));
    }

    @Test
    void aListWhoseFirstNumberIsWholeAndTheRestBareIsPaidWhenItAddsUp() {
        invoices.add(invoice("INV-123457", "C001", "2024-03-06", "2024-04-05", usd("700.00")));
        CashApplication both = apply(List.of(), credit("B1", "2024-03-20", usd("5700.00"), "ACME TRADING", ACME_ACCOUNT, "INV-123456, 123457"));
        assertThat(both.allocations()).extracting(CashAllocation::invoiceId).containsExactlyInAnyOrder("INV-123456", "INV-123457");
        assertThat(statuses(both)).containsOnly(ApplicationStatus.AUTO);
        // the bare number does not add up with the whole one: the whole one alone is what the payer named for certain
        CashApplication first = apply(List.of(), credit("B1", "2024-03-20", usd("5000.00"), "ACME TRADING", ACME_ACCOUNT, "INV-123456, 123457"));
        assertThat(first.allocations()).singleElement().extracting(CashAllocation::invoiceId).isEqualTo("INV-123456");
    }

    @Test
    void ofSeveralNamedOnlyTheOnesThatAddUpArePaid() {
        CashApplication result = apply(List.of(), credit("B1", "2024-03-20", usd("6200.00"), "ACME", ACME_ACCOUNT, "INV-000007 INV-000008 INV-123456"));
        assertThat(result.allocations()).extracting(CashAllocation::invoiceId).containsExactly("INV-000007", "INV-123456");
        assertThat(result.allocations().get(0).explanation()).contains("INV-000008 stay open");
    }

    @Test
    void theSameInvoicePaidTwiceIsAppliedOnlyOnce() {
        CashApplication result = apply(List.of(),
                credit("B1", "2024-03-20", usd("1200.00"), "ACME", null, "INV-000007"),
                credit("B2", "2024-03-21", usd("1200.00"), "ACME", null, "INV-000007"));
        // the second names only a paid invoice: its number alone does not make the payer that customer for certain,
        // so nothing is posted; their oldest open invoice is proposed, the rest on account, for a person to confirm
        assertThat(statuses(result)).containsExactly(ApplicationStatus.AUTO, ApplicationStatus.SUGGESTED, ApplicationStatus.SUGGESTED);
        assertThat(result.allocations().get(1).explanation()).contains("INV-000007, already paid")
                .contains("their oldest, INV-000008, is proposed");
        assertThat(result.allocations().get(1).customerId()).isEqualTo("C001");
        assertThat(categories(result)).containsExactly("CASH_NEEDS_REVIEW");
    }

    @Test
    void anOverpaymentLeavesTheRestOnAccount() {
        CashApplication result = apply(List.of(), credit("B1", "2024-03-20", usd("1250.00"), "ACME", ACME_ACCOUNT, "INV-000007"));
        assertThat(result.allocations()).extracting(CashAllocation::status, CashAllocation::applied, CashAllocation::invoiceId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ApplicationStatus.AUTO, usd("1200.00"), "INV-000007"),
                        org.assertj.core.groups.Tuple.tuple(ApplicationStatus.ON_ACCOUNT, usd("50.00"), null));
        assertThat(categories(result)).containsExactly("CASH_OVERPAYMENT");
    }

    @Test
    void aShortPaymentWithinToleranceSettlesWithABankFeeDeduction() {
        CashApplication result = apply(List.of(), credit("B1", "2024-03-20", usd("1185.00"), "ACME", ACME_ACCOUNT, "INV-000007"));
        assertThat(result.allocations()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(ApplicationStatus.AUTO);
            assertThat(a.applied()).isEqualTo(usd("1185.00"));
            assertThat(a.rule()).isEqualTo("remittance-exact-short");
            assertThat(a.explanation()).contains("15.00 USD short, likely a bank fee")
                    // the shortfall is not written off here: the words must not say the invoice is settled
                    .contains("is applied to its open 1200.00 USD, the 15.00 USD short stays open as a deduction to clear")
                    .doesNotContain("settles");
        });
        assertThat(result.exceptions()).singleElement().satisfies(e -> {
            assertThat(e.category()).isEqualTo("CASH_SHORT_PAYMENT");
            assertThat(e.reason()).startsWith("BANK_FEE");
            assertThat(e.amount()).isEqualTo(usd("15.00"));
        });
    }

    @Test
    void aShortfallThatIsATenthOfTheInvoiceItFallsOnIsNoBankFee() {
        // 30.00 short of 1500.00 is within tolerance for the two, but a tenth of INV-000008's 300.00
        CashApplication result = apply(List.of(), credit("B1", "2024-03-20", usd("1470.00"), "ACME", ACME_ACCOUNT, "INV-000007 INV-000008"));
        assertThat(result.exceptions()).singleElement().satisfies(e -> {
            assertThat(e.category()).isEqualTo("CASH_SHORT_PAYMENT");
            assertThat(e.reason()).startsWith("UNEXPLAINED: INV-000008 30.00 USD short, no discount term or bank fee explains it");
        });
    }

    @Test
    void aKnownPayersOnlyInvoicePaidShortWithinToleranceOrOverWithoutAReference() {
        // C002 owes one invoice, INV-000009 of 800.00: 790.00 from their account is it, 10.00 short (1.25 %)
        CashApplication shortPaid = apply(List.of(), credit("B1", "2024-03-20", usd("790.00"), null, "DE89370400440532013000", "March"));
        assertThat(shortPaid.allocations()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(ApplicationStatus.AUTO);
            assertThat(a.invoiceId()).isEqualTo("INV-000009");
            assertThat(a.rule()).isEqualTo("customer-only-item-short");
            assertThat(a.explanation()).contains("the 10.00 USD short stays open as a deduction to clear");
        });
        assertThat(categories(shortPaid)).containsExactly("CASH_SHORT_PAYMENT");
        // 850.00 is more than they owe: proposed, a person decides what the 50.00 is
        CashApplication over = apply(List.of(), credit("B1", "2024-03-20", usd("850.00"), null, "DE89370400440532013000", "March"));
        assertThat(over.allocations()).extracting(CashAllocation::status).containsOnly(ApplicationStatus.SUGGESTED);
        assertThat(over.allocations().get(0).invoiceId()).isEqualTo("INV-000009");
        assertThat(over.allocations().get(0).explanation()).contains("their only open item (800.00 USD), which the credit exceeds by 50.00 USD");
    }

    @Test
    void aCreditWithoutPayerOfAnErpReceiptsAmountADayLaterIsProposedAsThatPairing() {
        Receipt later = new Receipt("R-9", "C002", d("2024-03-22"), null, List.of(new Receipt.Allocation("INV-000009", usd("613.37"))));
        CashApplication result = apply(List.of(later), credit("B1", "2024-03-20", usd("613.37"), null, null, "thanks"));
        assertThat(result.allocations()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(ApplicationStatus.SUGGESTED);
            assertThat(a.rule()).isEqualTo("erp-receipt-amount");
            assertThat(a.customerId()).isEqualTo("C002");
            assertThat(a.explanation()).contains("ERP receipt R-9 of customer C002 is of the same 613.37 USD, dated 2024-03-22");
        });
    }

    @Test
    void anEarlyPaymentDiscountIsRecognisedAndALateOneIsFlagged() {
        CashApplication early = apply(List.of(), credit("B1", "2024-03-10", usd("4900.00"), "ACME", ACME_ACCOUNT, "INV-123456"));
        assertThat(early.allocations()).singleElement().extracting(CashAllocation::status).isEqualTo(ApplicationStatus.AUTO);
        assertThat(early.exceptions()).singleElement().extracting(ExceptionItem::reason).asString()
                .startsWith("DISCOUNT_TAKEN:").contains("2 % early-payment discount (2/10)");
        CashApplication late = apply(List.of(), credit("B1", "2024-03-25", usd("4900.00"), "ACME", ACME_ACCOUNT, "INV-123456"));
        assertThat(late.exceptions()).singleElement().extracting(ExceptionItem::reason).asString()
                .startsWith("DISCOUNT_TAKEN_LATE:").contains("paid 20 days after the invoice date");
    }

    @Test
    void aPartialPaymentBeyondToleranceIsAppliedAndTheRestStaysOpen() {
        CashApplication result = apply(List.of(),
                credit("B1", "2024-03-20", usd("600.00"), "ACME", ACME_ACCOUNT, "INV-000007"),
                credit("B2", "2024-04-20", usd("600.00"), "ACME", ACME_ACCOUNT, "INV-000007"));
        assertThat(result.allocations()).extracting(CashAllocation::status, CashAllocation::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ApplicationStatus.AUTO, "remittance-exact-partial"),
                        org.assertj.core.groups.Tuple.tuple(ApplicationStatus.AUTO, "remittance-exact"));
        assertThat(result.allocations().get(0).explanation()).contains("600.00 USD stays open");
    }

    @Test
    void aPaymentThatDiffersFromTheNamedInvoiceIsOnlySuggestedUnlessThePayerIsKnown() {
        CashApplication result = apply(List.of(), credit("B1", "2024-03-20", usd("600.00"), "SOMEONE", null, "INV-000007"));
        assertThat(result.allocations()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(ApplicationStatus.SUGGESTED);
            assertThat(a.explanation()).contains("no payer's account or name confirms whose they are");
        });
    }

    @Test
    void aMistypedReferenceGivesWayToThePayersOnlyItemOfTheExactAmount() {
        // INV-000008 (300.00) is named, the payer's account is Acme's and Acme's INV-000007 is open at exactly 1200.00
        CashApplication result = apply(List.of(), credit("B1", "2024-03-20", usd("1200.00"), "ACME", ACME_ACCOUNT, "INV-000008"));
        assertThat(result.allocations()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(ApplicationStatus.AUTO);
            assertThat(a.invoiceId()).isEqualTo("INV-000007");
            assertThat(a.explanation()).contains("the reference taken as mistyped");
        });
        // the same with Globex's account: the remittance names Acme's invoice, Globex has an item of 800.00
        CashApplication other = apply(List.of(), credit("B2", "2024-03-20", usd("800.00"), "GLOBEX", "DE89370400440532013000", "INV-000008"));
        assertThat(other.allocations()).singleElement().extracting(CashAllocation::invoiceId).isEqualTo("INV-000009");
    }

    @Test
    void currencyMustAgree() {
        CashApplication result = apply(List.of(), credit("B1", "2024-03-20", eur("1200.00"), "ACME", null, "INV-000007"));
        assertThat(result.allocations()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(ApplicationStatus.SUGGESTED);
            assertThat(a.rule()).isEqualTo("currency-differs");
        });
        assertThat(categories(result)).contains("CASH_CURRENCY_DIFFERS");
    }

    @Test
    void aValidCreditorReferenceCarriesTheInvoiceNumber() {
        // RF + check digits + "INV123456": ISO 11649 check digits computed by CreditorReference's rule
        String rf = rfFor("INV123456");
        BankTransaction t = BankTransaction.builder().transactionId("B1").account("A").bookingDate(d("2024-03-20"))
                .valueDate(d("2024-03-20")).amount(usd("5000.00")).structuredReference(rf).statementFile("f").build();
        assertThat(apply(List.of(), t).allocations()).singleElement().satisfies(a -> {
            assertThat(a.invoiceId()).isEqualTo("INV-123456");
            assertThat(a.status()).isEqualTo(ApplicationStatus.AUTO);
        });
    }

    static String rfFor(String payload) {
        String moved = payload + "RF00";
        StringBuilder digits = new StringBuilder();
        for (char c : moved.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        int check = 98 - new java.math.BigInteger(digits.toString()).mod(java.math.BigInteger.valueOf(97)).intValue();
        return String.format("RF%02d%s", check, payload);
    }

    // ---------------------------------------------------------------- who is paying

    @Test
    void aKnownPayerAccountWithNoReferenceIsAppliedToTheOnlyItemOfThatAmount() {
        CashApplication result = apply(List.of(), credit("B1", "2024-03-20", usd("800.00"), "GLOBEX", "DE89 3704 0044 0532 0130 00", "March"));
        assertThat(result.allocations()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(ApplicationStatus.AUTO);
            assertThat(a.invoiceId()).isEqualTo("INV-000009");
            assertThat(a.rule()).isEqualTo("payer-account-amount");
            assertThat(a.explanation()).contains("payer's account DE89 3704 0044 0532 0130 00 is customer C002's");
        });
    }

    @Test
    void aKnownPayerWhoseAmountFitsNothingIsOnAccount() {
        CashApplication result = apply(List.of(), credit("B1", "2024-03-20", usd("99.00"), "GLOBEX", "DE89370400440532013000", "March"));
        assertThat(result.allocations()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(ApplicationStatus.ON_ACCOUNT);
            assertThat(a.customerId()).isEqualTo("C002");
            assertThat(a.rule()).isEqualTo("payer-account");
        });
        assertThat(categories(result)).containsExactly("CASH_ON_ACCOUNT");
    }

    @Test
    void theOnlyCombinationOfOpenItemsThatAddsUpIsApplied() {
        CashApplication result = apply(List.of(), credit("B1", "2024-03-20", usd("5300.00"), "ACME", "US12 3456 7890", "batch"));
        assertThat(result.allocations()).extracting(CashAllocation::invoiceId).containsExactly("INV-000008", "INV-123456");
        assertThat(statuses(result)).containsOnly(ApplicationStatus.AUTO);
        assertThat(result.allocations().get(0).rule()).isEqualTo("customer-combination");
    }

    @Test
    void twoCombinationsThatAddUpAreOnlySuggested() {
        invoices.add(invoice("INV-000010", "C001", "2024-03-03", "2024-04-02", usd("900.00")));
        // 1200 + 300 = 1500 and 300 + 1200... plus 900 + 600? make a second: 1200 + 300 vs 900 + 600
        invoices.add(invoice("INV-000011", "C001", "2024-03-04", "2024-04-03", usd("600.00")));
        CashApplication result = apply(List.of(), credit("B1", "2024-03-20", usd("1500.00"), "ACME", "US12 3456 7890", "batch"));
        assertThat(statuses(result)).containsOnly(ApplicationStatus.SUGGESTED);
        assertThat(result.allocations().get(0).explanation())
                .contains("proposed: INV-000007, INV-000008, which add up to 1500.00 USD, but so does another combination (INV-000010, INV-000011)");
    }

    @Test
    void thePayersNameIdentifiesTheCustomerDespiteLegalFormAndTruncation() {
        CashApplication result = apply(List.of(), credit("B1", "2024-03-20", usd("800.00"), "GLOBEX GESELLSCHAFT MBH", null, "thanks"));
        assertThat(result.allocations()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(ApplicationStatus.AUTO);
            assertThat(a.customerId()).isEqualTo("C002");
            assertThat(a.rule()).isEqualTo("payer-name-amount");
        });
        CashApplication cut = apply(List.of(), credit("B1", "2024-03-20", usd("1200.00"), "ACME TRAD", null, "thanks"));
        assertThat(cut.allocations()).singleElement().extracting(CashAllocation::customerId).isEqualTo("C001");
    }

    @Test
    void aNameThatFitsTwoCustomersIsSettledByTheAmountWhenOnlyOneOfThemHasIt() {
        customers.add(new Customer("C003", "Globex AG", Money.currency("USD"), null, 30, "CH", List.of(), null));
        invoices.add(invoice("INV-000031", "C003", "2024-03-01", "2024-03-31", usd("1234.56")));
        CashApplication result = apply(List.of(), credit("B1", "2024-03-20", usd("1234.56"), "GLOBEX", "CH00NEW", "thanks"));
        assertThat(result.allocations()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(ApplicationStatus.AUTO);
            assertThat(a.invoiceId()).isEqualTo("INV-000031");
            assertThat(a.explanation()).contains("fits customers C002, C003 equally");
        });
    }

    @Test
    void aNameThatFitsTwoCustomersConfirmsTheInvoiceNumberOfOneOfThem() {
        customers.add(new Customer("C003", "Globex AG", Money.currency("USD"), null, 30, "CH", List.of(), null));
        // half of INV-000009 (Globex GmbH's): the name fits both Globexes, the number chooses, the name confirms it
        CashApplication half = apply(List.of(), credit("B1", "2024-03-20", usd("400.00"), "GLOBEX", null, "INV-000009"));
        assertThat(half.allocations()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(ApplicationStatus.AUTO);
            assertThat(a.invoiceId()).isEqualTo("INV-000009");
            assertThat(a.explanation()).contains("fits customers C002, C003 equally, customer C002 among them");
        });
        // a number of a customer the name does not fit is not confirmed by it
        CashApplication other = apply(List.of(), credit("B1", "2024-03-20", usd("600.00"), "GLOBEX", null, "INV-000007"));
        assertThat(other.allocations()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(ApplicationStatus.SUGGESTED);
            assertThat(a.explanation()).contains("no payer's account or name confirms whose they are");
        });
    }

    @Test
    void theCustomerANameSpellsLetterForLetterIsOnlyTheHintWhenTheAmountDoesNotSettleATie() {
        customers.add(new Customer("C003", "Globex AG", Money.currency("USD"), null, 30, "CH", List.of(), null));
        invoices.add(invoice("INV-000091", "C002", "2024-03-03", "2024-04-02", usd("100.00")));
        invoices.add(invoice("INV-000092", "C002", "2024-03-04", "2024-04-03", usd("250.00")));
        // "GLOBEX AG" is C003's name, but only C002 has an item of 800.00: the amount, not the spelling, decides
        CashApplication amount = apply(List.of(), credit("B1", "2024-03-20", usd("800.00"), "GLOBEX AG", null, "thanks"));
        assertThat(amount.allocations()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(ApplicationStatus.AUTO);
            assertThat(a.customerId()).isEqualTo("C002");
        });
        // no item at the amount: C002's items are searched, as its name is spelled, and two add up
        CashApplication combination = apply(List.of(), credit("B1", "2024-03-20", usd("350.00"), "GLOBEX GMBH", null, "thanks"));
        assertThat(combination.allocations()).extracting(CashAllocation::invoiceId).containsExactly("INV-000091", "INV-000092");
        assertThat(statuses(combination)).containsOnly(ApplicationStatus.AUTO);
        assertThat(combination.allocations().get(0).explanation()).contains("fits customers C002, C003 equally and is customer C002's letter for letter");
        // nothing of theirs fits: proposed on account, never held there without a person
        CashApplication none = apply(List.of(), credit("B1", "2024-03-20", usd("77.77"), "GLOBEX AG", null, "advance"));
        assertThat(none.allocations()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(ApplicationStatus.SUGGESTED);
            assertThat(a.customerId()).isEqualTo("C003");
            assertThat(a.explanation()).contains("the name fits other customers as well");
        });
    }

    @Test
    void twoCustomersNamedInTheTextOfAnUnnamedPayerAreSettledByTheAmount() {
        customers.add(new Customer("C003", "Globex AG", Money.currency("USD"), null, 30, "CH", List.of(), null));
        invoices.add(invoice("INV-000031", "C003", "2024-03-01", "2024-03-31", usd("1234.56")));
        CashApplication result = apply(List.of(), credit("B1", "2024-03-20", usd("1234.56"), null, null,
                "FASTER PAYMENT RECEIVED GLOBEX AG GLOBEX GMBH"));
        assertThat(result.allocations()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(ApplicationStatus.AUTO);
            assertThat(a.invoiceId()).isEqualTo("INV-000031");
            assertThat(a.explanation()).startsWith("the payer is unnamed; the remittance names customers C002, C003 equally");
        });
    }

    @Test
    void aMistypedNumberThatNamesAPaidInvoiceOfAnotherAmountGivesWayToTheExactAmount() {
        CashApplication result = apply(List.of(),
                credit("B1", "2024-03-20", usd("300.00"), "ACME", ACME_ACCOUNT, "INV-000008"),
                credit("B2", "2024-03-21", usd("1200.00"), "ACME", ACME_ACCOUNT, "INV-000008"),
                credit("B3", "2024-03-22", usd("300.00"), "ACME", ACME_ACCOUNT, "INV-000008"));
        assertThat(statuses(result)).containsExactly(ApplicationStatus.AUTO, ApplicationStatus.AUTO, ApplicationStatus.ON_ACCOUNT);
        assertThat(result.allocations().get(1).invoiceId()).isEqualTo("INV-000007");
    }

    @Test
    void anEntryTheBankHasNotBookedIsShownButNeverApplied() {
        BankTransaction pending = BankTransaction.builder().transactionId("P1").bankReference("P1").account("ACCT-1")
                .bookingDate(d("2024-03-20")).amount(usd("1200.00")).counterpartyName("ACME TRADING LTD").counterpartyAccount(ACME_ACCOUNT)
                .remittanceInfo("INV-000007").statementFile("bank/n.xml").status("PDNG").build();
        CashApplication result = apply(List.of(), pending);
        assertThat(result.allocations()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(ApplicationStatus.UNMATCHED);
            assertThat(a.rule()).isEqualTo("not-booked");
            assertThat(a.invoiceId()).isNull();
        });
        assertThat(categories(result)).containsExactly("CASH_NOT_BOOKED");
        // the invoice stays open for the booked payment that follows
        CashApplication later = apply(List.of(), pending, credit("B2", "2024-03-21", usd("1200.00"), "ACME", ACME_ACCOUNT, "INV-000007"));
        assertThat(later.allocations().get(1).invoiceId()).isEqualTo("INV-000007");
        assertThat(later.allocations().get(1).status()).isEqualTo(ApplicationStatus.AUTO);
    }

    @Test
    void onlyACertainPayerIsHeldOnAccountWithoutAPerson() {
        CashApplication exact = apply(List.of(), credit("B1", "2024-03-20", usd("77.77"), "ACME TRADING LTD", null, "advance"));
        assertThat(exact.allocations()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(ApplicationStatus.ON_ACCOUNT);
            assertThat(a.customerId()).isEqualTo("C001");
        });
        assertThat(exact.allocations().get(0).explanation()).contains("their oldest, INV-000007, is proposed; held on account");
        // a name that only resembles the customer's may be someone else's: proposed, never posted
        CashApplication like = apply(List.of(), credit("B1", "2024-03-20", usd("77.77"), "ACME TRADING EUROPE", null, "advance"));
        assertThat(like.allocations()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(ApplicationStatus.SUGGESTED);
            assertThat(a.customerId()).isEqualTo("C001");
            assertThat(a.invoiceId()).isEqualTo("INV-000007");
            assertThat(a.rule()).isEqualTo("customer-oldest");
        });
        assertThat(like.exceptions()).extracting(e -> e.category()).containsExactly("CASH_NEEDS_REVIEW");
        // and a payer who owes nothing in the currency, named only like a customer: proposed on account
        customers.add(new Customer("C007", "Initech Systems", Money.currency("USD"), null, 30, "US", List.of(), null));
        CashApplication owesNothing = apply(List.of(), credit("B1", "2024-03-20", usd("10.00"), "INITECH SYSTEMS EUROPE", null, "advance"));
        assertThat(owesNothing.allocations()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(ApplicationStatus.SUGGESTED);
            assertThat(a.customerId()).isEqualTo("C007");
            assertThat(a.explanation()).endsWith("proposed on account: the name only resembles the customer's");
        });
        assertThat(owesNothing.exceptions()).extracting(e -> e.category()).containsExactly("CASH_ON_ACCOUNT_PROPOSED");
    }

    @Test
    void anUnnamedPayerIsFoundByTheCustomersNameInTheRemittance() {
        customers.add(new Customer("C005", "Acsone SA", Money.currency("USD"), null, 30, "BE", List.of(), null));
        invoices.add(invoice("INV-000055", "C005", "2024-03-01", "2024-03-31", usd("321.00")));
        CashApplication found = apply(List.of(), credit("B1", "2024-03-20", usd("321.00"), null, null, "Line for Acsone SA"));
        assertThat(found.allocations()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(ApplicationStatus.AUTO);
            assertThat(a.invoiceId()).isEqualTo("INV-000055");
            assertThat(a.explanation()).startsWith("the payer is unnamed; the remittance names customer C005 ('ACSONE')");
        });
        // without an item at the amount it is only proposed, never posted on account
        CashApplication none = apply(List.of(), credit("B1", "2024-03-20", usd("5.00"), null, null, "Line for Acsone SA"));
        assertThat(none.allocations()).singleElement().extracting(CashAllocation::status).isEqualTo(ApplicationStatus.SUGGESTED);
        // a short word of a name met by chance identifies nobody
        customers.add(new Customer("C006", "Apple Ltd", Money.currency("USD"), null, 30, "GB", List.of(), null));
        invoices.add(invoice("INV-000066", "C006", "2024-03-01", "2024-03-31", usd("42.00")));
        CashApplication chance = apply(List.of(), credit("B1", "2024-03-20", usd("42.00"), null, null, "apple juice"));
        assertThat(chance.allocations()).singleElement().satisfies(a -> {
            assertThat(a.status()).isNotEqualTo(ApplicationStatus.AUTO); // at most the amount-only proposal
            assertThat(a.explanation()).doesNotContain("the remittance names customer");
        });
    }

    @Test
    void aParentAndItsSubsidiaryOfTheSameNameAreThePayerNotATie() {
        customers.add(new Customer("C004", "Acme Trading Ltd", Money.currency("USD"), null, 30, "GB", List.of(), "C001"));
        // no item at the amount: a tie of the two would leave the payer unknown; the parent is who pays
        CashApplication result = apply(List.of(), credit("B1", "2024-03-20", usd("77.77"), "ACME TRADING LTD", null, "advance"));
        assertThat(result.allocations()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(ApplicationStatus.ON_ACCOUNT);
            assertThat(a.customerId()).isEqualTo("C001");
        });
    }

    @Test
    void aParentPaysForItsSubsidiary() {
        customers.add(new Customer("C003", "Acme Retail Inc.", Money.currency("USD"), null, 30, "US", List.of(), "C001"));
        invoices.add(invoice("INV-000777", "C003", "2024-03-01", "2024-03-31", usd("444.44")));
        CashApplication result = apply(List.of(), credit("B1", "2024-03-20", usd("444.44"), "ACME TRADING LTD", "US1234567890", "for our subsidiary"));
        assertThat(result.allocations()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(ApplicationStatus.AUTO);
            assertThat(a.customerId()).isEqualTo("C003");
            assertThat(a.invoiceId()).isEqualTo("INV-000777");
        });
    }

    @Test
    void remittanceAndAccountOfDifferentCustomersAreOnlySuggested() {
        CashApplication result = apply(List.of(), credit("B1", "2024-03-20", usd("1200.00"), "GLOBEX", "DE89370400440532013000", "INV-000007"));
        assertThat(result.allocations()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(ApplicationStatus.SUGGESTED);
            assertThat(a.rule()).isEqualTo("conflicting-evidence");
            assertThat(a.confidence()).isEqualByComparingTo("0.50");
        });
    }

    // ---------------------------------------------------------------- nobody we know

    @Test
    void anAmountOpenAtSeveralCustomersIdentifiesNobody() {
        invoices.add(invoice("INV-000020", "C002", "2024-03-01", "2024-03-31", usd("300.00")));
        CashApplication result = apply(List.of(), credit("B1", "2024-03-20", usd("300.00"), "SETTLEMENT SERVICES BV", "NL00XXXX", "on behalf of a client"));
        assertThat(result.allocations()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(ApplicationStatus.UNMATCHED);
            assertThat(a.rule()).isEqualTo("open-amount-ambiguous");
            // oldest due first, whichever the invoices came in: INV-000020 is due the day before INV-000008
            assertThat(a.explanation()).contains("2 items of 2 customers are open at exactly 300.00 USD (INV-000020, INV-000008)");
        });
        assertThat(categories(result)).containsExactly("CASH_UNIDENTIFIED");
    }

    @Test
    void anAmountOpenOnceAmongAllCustomersIsSuggestedOrAppliedAsConfigured() {
        BankTransaction t = credit("B1", "2024-03-20", usd("800.00"), "SETTLEMENT SERVICES BV", "NL00XXXX", "on behalf of a client");
        assertThat(apply(List.of(), t).allocations()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(ApplicationStatus.SUGGESTED);
            assertThat(a.rule()).isEqualTo("open-amount-unique");
            assertThat(a.invoiceId()).isEqualTo("INV-000009");
        });
        rules = withAmountOnly("auto");
        assertThat(apply(List.of(), t).allocations()).singleElement().extracting(CashAllocation::status).isEqualTo(ApplicationStatus.AUTO);
    }

    @Test
    void nothingToGoOnIsUnmatched() {
        CashApplication result = apply(List.of(), credit("B1", "2024-03-20", usd("10.00"), "SOMEONE", "GB00XXXX", "thank you"));
        assertThat(result.allocations()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(ApplicationStatus.UNMATCHED);
            assertThat(a.customerId()).isNull();
            assertThat(a.rule()).isEqualTo("no-evidence");
        });
        assertThat(categories(result)).containsExactly("CASH_UNIDENTIFIED");
    }

    @Test
    void interestIsNotCustomerCash() {
        CashApplication result = apply(List.of(), credit2("B1", "2024-03-29", usd("800.00"), "BANK", null, "CREDIT INTEREST", "ACMT-MCOP-INTR"));
        assertThat(result.allocations()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(ApplicationStatus.UNMATCHED);
            assertThat(a.rule()).isEqualTo("not-customer-cash");
        });
        assertThat(result.exceptions()).isEmpty();
    }

    @Test
    void debitsAreNotCashApplication() {
        assertThat(apply(List.of(), credit("B1", "2024-03-20", usd("-50.00"), "BANK", null, "fee")).allocations()).isEmpty();
    }

    // ---------------------------------------------------------------- ERP receipts

    @Test
    void anErpReceiptNamingTheBankLineReconcilesItAndItIsNotAppliedAgain() {
        Receipt r = receipt("R-1", "C001", "2024-03-20", "B1", "INV-000007", usd("1200.00"));
        CashApplication result = apply(List.of(r), credit("B1", "2024-03-20", usd("1200.00"), "ACME", null, "INV-000007"));
        assertThat(result.allocations()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(ApplicationStatus.RECONCILED);
            assertThat(a.invoiceId()).isEqualTo("INV-000007");
            assertThat(a.rule()).isEqualTo("erp-receipt");
        });
        assertThat(result.exceptions()).isEmpty();
    }

    @Test
    void anInvoiceOfACustomerMissingFromTheMasterCanStillBePaid() {
        invoices.add(invoice("INV-000010", "C999", "2024-03-03", "2024-04-02", usd("450.00")));
        CashApplication result = apply(List.of(), credit("B1", "2024-03-20", usd("450.00"), "SOMEONE", null, "INV-000010"));
        assertThat(result.allocations()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(ApplicationStatus.AUTO);
            assertThat(a.customerId()).isEqualTo("C999");
        });
    }

    @Test
    void creditMemosAndErpReceiptsLowerTheOpenAmountBeforeAnyCreditIsDecided() {
        invoices.add(creditMemo("CM-1", "C001", "2024-03-05", usd("200.00"), "INV-000007"));
        invoices.add(creditMemo("CM-2", "C001", "2024-03-05", usd("50.00"), "INV-999999")); // names nothing loaded
        List<Receipt> receipts = List.of(
                receipt("R-1", "C001", "2024-02-01", "OLD-1", "INV-000007", usd("300.00")),
                receipt("R-2", "C001", "2024-02-01", "OLD-2", "INV-000008", eur("100.00"))); // another currency: not subtracted
        CashApplication result = apply(receipts,
                credit("B1", "2024-03-20", usd("700.00"), "ACME", null, "INV-000007"),
                credit("B2", "2024-03-20", usd("300.00"), "ACME", null, "INV-000008"));
        assertThat(result.allocations()).extracting(CashAllocation::invoiceId, CashAllocation::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("INV-000007", ApplicationStatus.AUTO),
                        org.assertj.core.groups.Tuple.tuple("INV-000008", ApplicationStatus.AUTO));
        assertThat(result.allocations().get(0).explanation()).contains("equals its open amount");
    }

    @Test
    void anErpReceiptWithoutBankReferenceReconcilesByCustomerAmountAndDate() {
        Receipt r = receipt("R-1", "C001", "2024-03-18", null, "INV-000007", usd("1200.00"));
        CashApplication result = apply(List.of(r),
                credit("B1", "2024-03-20", usd("1200.00"), "ACME", "US12 3456 7890", "March"),
                credit("B2", "2024-03-21", usd("1200.00"), "ACME", "US12 3456 7890", "March"));
        assertThat(result.allocations()).extracting(CashAllocation::status, CashAllocation::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ApplicationStatus.RECONCILED, "erp-receipt-amount-date"),
                        org.assertj.core.groups.Tuple.tuple(ApplicationStatus.ON_ACCOUNT, "payer-account"));
    }

    @Test
    void aReceiptThatNamesABankLineWeDoNotHaveIsNotPairedByAmount() {
        // R-1 came with bank line OLD-7 of a statement not loaded: a new payment of the same amount is new cash
        Receipt r = receipt("R-1", "C001", "2024-03-18", "OLD-7", "INV-000007", usd("1200.00"));
        CashApplication result = apply(List.of(r), credit("B1", "2024-03-20", usd("1200.00"), "ACME", "US12 3456 7890", "March"));
        assertThat(result.allocations()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(ApplicationStatus.ON_ACCOUNT);
            assertThat(a.customerId()).isEqualTo("C001");
        });
    }

    @Test
    void anAccountLearnedFromAnEarlierReceiptIdentifiesThePayer() {
        Receipt r = receipt("R-1", "C002", "2024-03-01", "B0", "INV-000009", usd("10.00"));
        invoices.add(invoice("INV-000030", "C002", "2024-03-01", "2024-03-31", usd("321.00")));
        CashApplication result = apply(List.of(r),
                credit("B0", "2024-03-01", usd("10.00"), "GLBX", "FR76 3000 6000 0112 3456 7890 189", "x"),
                credit("B1", "2024-03-20", usd("321.00"), "GLBX", "FR7630006000011234567890189", "x"));
        assertThat(result.allocations().get(1)).satisfies(a -> {
            assertThat(a.status()).isEqualTo(ApplicationStatus.AUTO);
            assertThat(a.invoiceId()).isEqualTo("INV-000030");
        });
    }

    @Test
    void receiptsAndBankLinesThatDisagreeAreExceptions() {
        Receipt r = receipt("R-1", "C001", "2024-03-20", "B1", "INV-000007", usd("1000.00"));
        Receipt lost = receipt("R-2", "C001", "2024-03-20", "B404", "INV-000008", usd("300.00"));
        Receipt unseen = receipt("R-3", "C002", "2024-03-20", null, "INV-000009", usd("800.00"));
        CashApplication result = apply(List.of(r, lost, unseen), credit("B1", "2024-03-20", usd("1200.00"), "ACME", null, ""));
        assertThat(categories(result)).containsExactlyInAnyOrder("BANK_RECEIPT_AMOUNT_DIFFERS", "RECEIPT_WITHOUT_BANK_LINE",
                "RECEIPT_WITHOUT_BANK_LINE");
    }

    @Test
    void aReceiptIsMissedOnlyWhereTheStatementsCoverItsDate() {
        // the lines run from the credit on 03-20 to the fee debited on 03-28: a receipt of 03-27 should have a line,
        // one of 02-01 or 04-02 is before or after what the statements show
        Receipt inside = receipt("R-IN", "C002", "2024-03-27", null, "INV-000009", usd("800.00"));
        Receipt before = receipt("R-BEFORE", "C002", "2024-02-01", null, "INV-000009", usd("700.00"));
        Receipt after = receipt("R-AFTER", "C002", "2024-04-02", "B404", "INV-000009", usd("600.00"));
        CashApplication result = apply(List.of(after, inside, before),
                credit("B1", "2024-03-20", usd("1200.00"), "ACME", null, "INV-000007"),
                credit("FEE", "2024-03-28", usd("-5.00"), "BANK", null, "fee"));
        assertThat(result.exceptions()).filteredOn(e -> e.category().equals("RECEIPT_WITHOUT_BANK_LINE"))
                .extracting(ExceptionItem::entityId).containsExactly("R-IN");
    }

    // ---------------------------------------------------------------- configuration and determinism

    @Test
    void rulesLeftOutOfTheConfigurationAreNotUsed() {
        rules = new MatchingRules(List.of("erp-receipt", "remittance-reference"), rules.nameSimilarity(), 4, 5, rules.shortAbsolute(),
                rules.shortPercent(), rules.bankFeeMax(), rules.discounts(), 20, 5, 5, "suggest", rules.notCustomerCash(),
                rules.orderTolerancePercent(), 0);
        CashApplication result = apply(List.of(), credit("B1", "2024-03-20", usd("800.00"), "GLOBEX", "DE89370400440532013000", "March"));
        assertThat(statuses(result)).containsExactly(ApplicationStatus.UNMATCHED);
    }

    @Test
    void everyCreditIsAccountedForInFull() {
        CashApplication result = apply(List.of(),
                credit("B1", "2024-03-20", usd("1250.00"), "ACME", null, "INV-000007"),
                credit("B2", "2024-03-20", usd("6500.00"), "ACME", "US12 3456 7890", "batch"),
                credit("B3", "2024-03-20", usd("77.00"), "NOBODY", null, "?"));
        java.util.Map<String, Money> sums = new java.util.TreeMap<>();
        for (CashAllocation a : result.allocations()) {
            sums.merge(a.bankTransactionId(), a.applied(), Money::plus);
            assertThat(a.explanation()).isNotBlank();
        }
        assertThat(sums).containsEntry("B1", usd("1250.00")).containsEntry("B2", usd("6500.00")).containsEntry("B3", usd("77.00"));
    }

    MatchingRules withAmountOnly(String value) {
        MatchingRules r = rules;
        return new MatchingRules(r.rules(), r.nameSimilarity(), r.referenceMinDigits(), r.typoMinDigits(), r.shortAbsolute(),
                r.shortPercent(), r.bankFeeMax(), r.discounts(), r.subsetMaxItems(), r.subsetMaxSize(), r.receiptWindowDays(),
                value, r.notCustomerCash(), r.orderTolerancePercent(), r.threads());
    }
}
