package dev.o2c.jobs.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a realistic, seeded and deterministic company: customers (some with parents),
 * orders, invoices and credit memos over N months ending at the end date, the ERP's
 * receipts for the history before the last month, bank statements (camt.053, MT940 and
 * bank CSV) for the last month (customer payments written the many ways payers write them, fees, payroll,
 * supplier payments, interest), exchange rates, and {@code truth/} with the true
 * application of every bank credit. The same arguments give the same bytes.
 */
public final class CompanyGenerator {

    /**
     * What to generate.
     *
     * @param statementFormat every account's statement in this format (camt, mt940, bai2, csv), as
     *        that format's banks write it (MT940 with free-text :86:, BAI2 with US banks' detail text);
     *        null for the sample company's mix (the euro account camt.053, sterling MT940 with /KEY/ fields,
     *        dollars the bank CSV)
     * @param noise {@code standard}, or {@code hard}: fewer clean payments, more of every hard case, and
     *        the harder ways payers and banks write them (see {@link #pickStyle})
     */
    public record Settings(long seed, int customers, int invoices, int months, LocalDate end, String statementFormat, String noise) {
        public Settings {
            if (customers < 1 || invoices < 1 || months < 1) {
                throw new IllegalArgumentException("--customers, --invoices and --months must be at least 1");
            }
            if (statementFormat != null && !List.of("camt", "mt940", "bai2", "csv").contains(statementFormat)) {
                throw new IllegalArgumentException("--statement-format " + statementFormat + ": must be camt, mt940, bai2 or csv");
            }
            noise = noise == null ? "standard" : noise;
            if (!List.of("standard", "hard").contains(noise)) {
                throw new IllegalArgumentException("--noise " + noise + ": must be standard or hard");
            }
        }

        public Settings(long seed, int customers, int invoices, int months, LocalDate end, String statementFormat) {
            this(seed, customers, invoices, months, end, statementFormat, null);
        }

        public Settings(long seed, int customers, int invoices, int months, LocalDate end) {
            this(seed, customers, invoices, months, end, null, null);
        }

        boolean hard() {
            return noise.equals("hard");
        }
    }

    /** What was written, for the command's summary. */
    public record Summary(int customers, int invoices, int creditMemos, int receiptRows, int bankLines, int bankCredits) {
    }

    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();
    private static final String[] CURRENCIES = {"USD", "USD", "USD", "USD", "USD", "USD", "USD", "USD", "EUR", "EUR", "GBP"};
    private static final int[] TERMS = {15, 30, 30, 30, 45, 60};

    private record Customer(String id, String name, String currency, BigDecimal limit, int terms, String country,
                            List<String> accounts, String parent, int profile, boolean batches) {
    }

    private record Invoice(String id, Customer customer, String orderId, LocalDate date, LocalDate due, BigDecimal amount) {
    }

    private record Allocation(String invoiceId, BigDecimal amount) {
    }

    /**
     * A customer's transfer, written one of the ways payers write them ({@code style}; see
     * {@link #bankCredit}), labelled with the hard case it is in {@code truth/}.
     */
    private record Payment(Customer customer, LocalDate date, List<Allocation> allocations, BigDecimal onAccount, int style) {
        String kase() {
            return switch (style) {
                case 0 -> "clean_reference";
                case 1 -> "several_invoices_listed";
                case 2 -> "reference_variant";
                case 3 -> "no_reference_known_account";
                case 4 -> "partial_payment";
                case 5 -> "short_payment_bank_fee";
                case 6 -> "third_party_unique_amount";
                case 7 -> "reference_typo";
                case 8 -> "several_invoices_unlisted";
                case 9 -> "discount_taken";
                case 10 -> "parent_pays_for_child";
                case 11 -> "payer_name_variant";
                case 12 -> "unidentifiable_payer";
                case 13 -> "overpayment";
                default -> "other";
            };
        }

        BigDecimal total() {
            BigDecimal t = onAccount;
            for (Allocation a : allocations) {
                t = t.add(a.amount());
            }
            return t;
        }
    }

    private record BankLine(String id, String account, String currency, LocalDate booking, LocalDate value, BigDecimal amount,
                            String payer, String payerAccount, String remittance, String code) {
    }

    private final Settings settings;
    private final Random random;
    private final LocalDate start;
    private final LocalDate bankStart;
    private final Map<String, String> ourAccounts = new LinkedHashMap<>();
    /** Amount to the customers with an invoice of it: where amount-only matching would go wrong. */
    private final Map<BigDecimal, java.util.Set<String>> amountOwners = new java.util.HashMap<>();
    private String lastInvoiceId;
    private final Map<String, Customer> customerById = new java.util.HashMap<>();

    public CompanyGenerator(Settings settings) {
        this.settings = settings;
        this.random = new Random(settings.seed());
        this.start = settings.end().withDayOfMonth(1).minusMonths(settings.months() - 1L);
        this.bankStart = settings.end().withDayOfMonth(1);
        ourAccounts.put("USD", "US64SVBKUS6S3300958879");
        ourAccounts.put("EUR", "DE89370400440532013000");
        ourAccounts.put("GBP", "GB29NWBK60161331926819");
    }

    public Summary writeTo(Path out) {
        List<Customer> customers = customers();
        customers.forEach(c -> customerById.put(c.id(), c));
        List<Invoice> invoices = invoices(customers);
        Map<String, BigDecimal> credited = new TreeMap<>();
        List<String[]> memoRows = creditMemos(invoices, customers, credited);
        List<Payment> payments = payments(invoices, credited);

        List<String[]> receiptRows = new ArrayList<>();
        List<BankLine> bank = new ArrayList<>();
        List<String[]> truth = new ArrayList<>();
        int[] receiptSeq = {0};
        Map<String, Integer> txSeq = new TreeMap<>();
        for (Payment p : payments) {
            if (p.date().isBefore(bankStart)) {
                receipt(p, "HIST" + p.date().format(YYYYMMDD) + String.format(Locale.ROOT, "%05d", receiptSeq[0] + 1), receiptSeq, receiptRows);
                continue;
            }
            if (p.style() == 12) {
                // nobody could tell whose this is: an advance of a round sum, held on account in truth
                BigDecimal advance = p.total().divide(BigDecimal.valueOf(100), 0, RoundingMode.UP).multiply(BigDecimal.valueOf(100)).setScale(2);
                p = new Payment(p.customer(), p.date(), List.of(), advance, 12);
            }
            BankLine line = bankCredit(p, txSeq);
            bank.add(line);
            for (Allocation a : p.allocations()) {
                truth.add(new String[]{line.id(), line.account(), p.customer().id(), a.invoiceId(), plain(a.amount()), "invoice",
                    caseOf(p, line)});
            }
            if (p.onAccount().signum() > 0) {
                truth.add(new String[]{line.id(), line.account(), p.customer().id(), "", plain(p.onAccount()), "on_account",
                    caseOf(p, line)});
            }
            // Part of the month's cash is already posted in the ERP, naming the bank line it came with.
            if (random.nextInt(100) < 30) {
                receipt(p, line.id(), receiptSeq, receiptRows);
            }
        }
        bank.addAll(noise(txSeq, truth));
        bank.sort(Comparator.comparing(BankLine::account).thenComparing(BankLine::booking).thenComparing(BankLine::id));
        truth.sort(Comparator.comparing((String[] r) -> r[1]).thenComparing(r -> r[0]).thenComparing(r -> r[3]));

        try {
            Files.createDirectories(out.resolve("bank"));
            Files.createDirectories(out.resolve("truth"));
            writeCustomers(out.resolve("customers.csv"), customers);
            writeOrdersAndInvoices(out, invoices, memoRows);
            write(out.resolve("receipts.csv"), new String[]{"receipt_id", "customer_id", "receipt_date", "currency", "amount",
                "invoice_id", "bank_reference"}, receiptRows);
            write(out.resolve("fx_rates.csv"), new String[]{"date", "currency", "rate"}, fxRates());
            writeBank(out.resolve("bank"), bank);
            write(out.resolve("truth").resolve("cash-application.csv"), new String[]{"bank_transaction_id", "account",
                "customer_id", "invoice_id", "applied_amount", "kind", "case"}, truth);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long credits = bank.stream().filter(b -> b.amount().signum() > 0).count();
        return new Summary(customers.size(), invoices.size(), memoRows.size(), receiptRows.size(), bank.size(), (int) credits);
    }

    private List<Customer> customers() {
        List<Customer> list = new ArrayList<>();
        java.util.Set<String> taken = new java.util.HashSet<>();
        for (int i = 1; i <= settings.customers(); i++) {
            String[] name = Names.company(random);
            for (int tries = 0; !taken.add(name[0]) && tries < 50; tries++) {
                name = Names.company(random);
            }
            String currency = CURRENCIES[random.nextInt(CURRENCIES.length)];
            String country = currency.equals("GBP") ? "GB" : currency.equals("EUR") ? (random.nextBoolean() ? "DE" : "NL") : name[1];
            List<String> accounts = new ArrayList<>();
            int n = random.nextInt(10) < 8 ? 1 : 2;
            for (int k = 0; k < n; k++) {
                accounts.add(Iban.random(country.equals("US") ? "DE" : country, random));
            }
            // A few parents pay for their subsidiaries.
            String parent = i > 10 && random.nextInt(100) < 8 ? list.get(random.nextInt(10)).id() : null;
            BigDecimal limit = BigDecimal.valueOf(5_000L * (1 + random.nextInt(40))).setScale(2);
            list.add(new Customer(String.format(Locale.ROOT, "C%04d", i), name[0], currency, limit,
                    TERMS[random.nextInt(TERMS.length)], country, accounts, parent, random.nextInt(4), random.nextInt(100) < 25));
        }
        return list;
    }

    private List<Invoice> invoices(List<Customer> customers) {
        List<LocalDate> dates = new ArrayList<>();
        long days = settings.end().toEpochDay() - start.toEpochDay() + 1;
        for (int i = 0; i < settings.invoices(); i++) {
            dates.add(weekday(start.plusDays(random.nextInt((int) days))));
        }
        dates.sort(Comparator.naturalOrder());
        List<Invoice> list = new ArrayList<>();
        for (int i = 0; i < dates.size(); i++) {
            Customer c = customers.get(random.nextInt(customers.size()));
            LocalDate date = dates.get(i).isAfter(settings.end()) ? settings.end() : dates.get(i);
            BigDecimal amount = BigDecimal.valueOf(20_000 + random.nextInt(2_480_000), 2);
            if (!list.isEmpty() && random.nextInt(1000) < 15) {
                // the same amount billed to another customer too: a trap for matching by amount alone
                amount = list.get(random.nextInt(list.size())).amount();
            }
            amountOwners.computeIfAbsent(amount, k -> new java.util.TreeSet<>()).add(c.id());
            list.add(new Invoice(String.format(Locale.ROOT, "INV-%06d", i + 1), c, String.format(Locale.ROOT, "SO-%06d", i + 1),
                    date, date.plusDays(c.terms()), amount));
        }
        lastInvoiceId = list.isEmpty() ? null : list.get(list.size() - 1).id();
        return list;
    }

    private List<String[]> creditMemos(List<Invoice> invoices, List<Customer> customers, Map<String, BigDecimal> credited) {
        List<String[]> rows = new ArrayList<>();
        int seq = 0;
        for (Invoice inv : invoices) {
            if (random.nextInt(1000) < 30) {
                LocalDate date = inv.date().plusDays(3 + random.nextInt(18));
                if (date.isAfter(settings.end())) {
                    continue;
                }
                BigDecimal amount = inv.amount().multiply(BigDecimal.valueOf(5 + random.nextInt(26))).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_EVEN);
                credited.put(inv.id(), amount);
                rows.add(new String[]{String.format(Locale.ROOT, "CM-%05d", ++seq), inv.customer().id(), "", date.toString(),
                    "", inv.customer().currency(), plain(amount), "CREDIT_MEMO", inv.id()});
            }
        }
        for (int i = 0; i < Math.max(1, invoices.size() / 400); i++) {
            Customer c = customers.get(random.nextInt(customers.size()));
            LocalDate date = weekday(start.plusDays(random.nextInt((int) (settings.end().toEpochDay() - start.toEpochDay()))));
            rows.add(new String[]{String.format(Locale.ROOT, "CM-%05d", ++seq), c.id(), "", date.toString(), "", c.currency(),
                plain(BigDecimal.valueOf(5_000 + random.nextInt(95_000), 2)), "CREDIT_MEMO", ""});
        }
        return rows;
    }

    private List<Payment> payments(List<Invoice> invoices, Map<String, BigDecimal> credited) {
        List<Payment> singles = new ArrayList<>();
        for (Invoice inv : invoices) {
            Customer c = inv.customer();
            BigDecimal due = inv.amount().subtract(credited.getOrDefault(inv.id(), BigDecimal.ZERO));
            int delay = switch (c.profile()) {
                case 0 -> random.nextInt(15) - 7;
                case 1 -> random.nextInt(31);
                case 2 -> 15 + random.nextInt(61);
                default -> random.nextInt(100) < 20 ? 10_000 : 30 + random.nextInt(121);
            };
            LocalDate date = weekday(inv.due().plusDays(delay));
            if (date.isBefore(inv.date())) {
                date = weekday(inv.date().plusDays(1));
            }
            int roll = random.nextInt(100);
            if (settings.hard()) {
                // twice the partial, short, over- and discounted payments of the standard mix
                roll = roll < 10 ? roll / 2 : roll < 18 ? 5 + (roll - 10) / 2 : roll < 22 ? 9 + (roll - 18) / 2 : roll < 28 ? 11 + (roll - 22) / 2 : 14 + roll;
            }
            if (roll < 5) {
                // partial payment now, the rest a month later
                BigDecimal half = due.divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN);
                singles.add(new Payment(c, date, List.of(new Allocation(inv.id(), half)), BigDecimal.ZERO, 4));
                singles.add(new Payment(c, weekday(date.plusDays(30)), List.of(new Allocation(inv.id(), due.subtract(half))), BigDecimal.ZERO, 0));
            } else if (roll < 9) {
                // short payment: the payer's bank kept a fee
                BigDecimal fee = BigDecimal.valueOf(random.nextBoolean() ? 1500 : 2500, 2);
                singles.add(new Payment(c, date, List.of(new Allocation(inv.id(), due.subtract(fee))), BigDecimal.ZERO, 5));
            } else if (roll < 11) {
                // overpayment: the rest stays on account
                singles.add(new Payment(c, date, List.of(new Allocation(inv.id(), due)), BigDecimal.valueOf(10_000, 2), 13));
            } else if (roll < 14 && credited.get(inv.id()) == null) {
                // early-payment discount (2/10) taken: paid within ten days, 2 % less
                LocalDate early = weekday(inv.date().plusDays(2 + random.nextInt(6)));
                BigDecimal discount = due.multiply(new BigDecimal("0.02")).setScale(2, RoundingMode.HALF_UP);
                singles.add(new Payment(c, early, List.of(new Allocation(inv.id(), due.subtract(discount))), BigDecimal.ZERO, 9));
            } else {
                singles.add(new Payment(c, date, List.of(new Allocation(inv.id(), due)), BigDecimal.ZERO, -1));
            }
        }
        singles.removeIf(p -> p.date().isAfter(settings.end()));
        singles.sort(Comparator.comparing(Payment::date).thenComparing(p -> p.customer().id())
                .thenComparing(p -> p.allocations().get(0).invoiceId()));
        // Customers that batch pay everything falling in the same week with one transfer.
        List<Payment> payments = new ArrayList<>();
        Map<String, Integer> open = new TreeMap<>();
        for (Payment p : singles) {
            String week = p.customer().id() + "/" + p.date().with(DayOfWeek.MONDAY);
            Integer at = open.get(week);
            if (p.customer().batches() && p.style() == -1 && at != null && (payments.get(at).style() == 1 || payments.get(at).style() == 8)) {
                Payment merged = payments.get(at);
                List<Allocation> all = new ArrayList<>(merged.allocations());
                all.addAll(p.allocations());
                payments.set(at, new Payment(merged.customer(), p.date(), all, merged.onAccount(), merged.style()));
                continue;
            }
            int style = p.style() != -1 ? p.style()
                    : p.customer().batches() ? (random.nextInt(100) < (settings.hard() ? 50 : 30) ? 8 : 1)
                    : p.customer().parent() != null && random.nextInt(100) < 50 ? 10 : pickStyle();
            open.put(week, payments.size());
            payments.add(new Payment(p.customer(), p.date(), p.allocations(), p.onAccount(), style));
        }
        payments.sort(Comparator.comparing(Payment::date).thenComparing(p -> p.customer().id())
                .thenComparing(p -> p.allocations().get(0).invoiceId()));
        return payments;
    }

    /**
     * How a single payment is written: 0 clean reference, 2 reference variant, 7 reference with
     * a typo, 3 no reference from a known account, 11 no reference from a new account under a
     * variant of the name, 6 an unknown third party, 12 nobody we could know. Hard noise: a
     * quarter clean, twice the variants, typos and name variants.
     */
    private int pickStyle() {
        int roll = random.nextInt(100);
        if (settings.hard()) {
            return roll < 25 ? 0 : roll < 50 ? 2 : roll < 58 ? 7 : roll < 72 ? 3 : roll < 86 ? 11 : roll < 94 ? 6 : 12;
        }
        return roll < 48 ? 0 : roll < 62 ? 2 : roll < 66 ? 7 : roll < 83 ? 3 : roll < 89 ? 11 : roll < 96 ? 6 : 12;
    }

    private String caseOf(Payment p, BankLine line) {
        boolean noReference = p.style() == 3 || p.style() == 6 || p.style() == 8 || p.style() == 11 || p.style() == 12;
        java.util.Set<String> owners = amountOwners.get(line.amount());
        if (noReference && owners != null && owners.size() > 1) {
            return "same_amount_at_several_customers";
        }
        return p.kase();
    }

    private void receipt(Payment p, String bankReference, int[] seq, List<String[]> rows) {
        String id = String.format(Locale.ROOT, "R-%06d", ++seq[0]);
        LocalDate date = p.date();
        for (Allocation a : p.allocations()) {
            rows.add(new String[]{id, p.customer().id(), date.toString(), p.customer().currency(), plain(a.amount()), a.invoiceId(), bankReference});
        }
        if (p.onAccount().signum() > 0) {
            rows.add(new String[]{id, p.customer().id(), date.toString(), p.customer().currency(), plain(p.onAccount()), "", bankReference});
        }
    }

    private BankLine bankCredit(Payment p, Map<String, Integer> txSeq) {
        Customer c = p.customer();
        String account = ourAccounts.get(c.currency());
        String id = nextTx(account, p.date(), txSeq);
        String invoices = String.join(" ", p.allocations().stream().map(Allocation::invoiceId).toList());
        String first = p.allocations().isEmpty() ? null : p.allocations().get(0).invoiceId();
        String remittance = switch (p.style()) {
            case 0, 4, 5, 9, 13 -> settings.hard() && random.nextInt(3) == 0 ? sloppy(first)
                    : random.nextBoolean() ? invoices : "Payment " + invoices;
            case 1 -> settings.hard() && random.nextBoolean() ? listedLoosely(p) : "INVOICES " + invoices;
            case 2 -> sloppy(first);
            case 7 -> typo(first);
            case 8 -> random.nextBoolean() ? "WEEKLY PAYMENT RUN" : c.name().toUpperCase(Locale.ROOT) + " PAYMENT";
            case 10 -> random.nextBoolean() ? invoices : "FOR OUR SUBSIDIARY";
            case 3, 11 -> random.nextBoolean() ? "PAYMENT " + p.date().getMonth() : c.name().toUpperCase(Locale.ROOT) + " REMITTANCE";
            case 12 -> "ADVANCE PAYMENT";
            default -> "PAYMENT ON BEHALF OF CLIENT";
        };
        String payerAccount = c.accounts().get(random.nextInt(c.accounts().size()));
        // hard noise: the bank prints the name as the payer's bank sent it, a third of the time not as the ERP spells it
        String payerName = settings.hard() && random.nextInt(3) == 0 ? Names.variant(c.name(), random) : Names.asBankPrints(c.name());
        switch (p.style()) {
            case 6 -> {
                payerAccount = Iban.random("NL", random);
                payerName = "SETTLEMENT SERVICES BV";
            }
            case 10 -> {
                Customer parent = customerById.get(c.parent());
                payerAccount = parent.accounts().get(0);
                payerName = Names.asBankPrints(parent.name());
            }
            case 11 -> {
                payerAccount = Iban.random(c.country().equals("US") ? "DE" : c.country(), random);
                payerName = Names.variant(c.name(), random);
            }
            case 12 -> {
                payerAccount = Iban.random("GB", random);
                payerName = Names.stranger(random);
            }
            default -> {
            }
        }
        return new BankLine(id, account, c.currency(), p.date(), p.date(), p.total(), payerName, payerAccount, remittance, "PMNT-RCDT-ESCT");
    }

    /** The invoice number with one slip of the finger: a digit changed, dropped, doubled or two swapped. */
    private String typo(String invoiceId) {
        char[] digits = invoiceId.substring(4).toCharArray();
        int at = 2 + random.nextInt(digits.length - 2);
        String d = new String(digits);
        String slipped = switch (random.nextInt(4)) {
            case 0 -> d.substring(0, at) + (char) ('0' + (digits[at] - '0' + 1 + random.nextInt(9)) % 10) + d.substring(at + 1);
            case 1 -> d.substring(0, at) + d.substring(at + 1);
            case 2 -> d.substring(0, at) + digits[at] + d.substring(at);
            default -> at + 1 < digits.length && digits[at] != digits[at + 1]
                    ? d.substring(0, at) + digits[at + 1] + digits[at] + d.substring(at + 2)
                    : d.substring(0, at) + (char) ('0' + (digits[at] - '0' + 5) % 10) + d.substring(at + 1);
        };
        return random.nextBoolean() ? "INV-" + slipped : "Invoice " + slipped;
    }

    /**
     * Several invoice numbers as payers list them when the field is short: the first whole, the
     * numbers after it written bare ("INV-012204, 12577").
     */
    private String listedLoosely(Payment p) {
        List<String> ids = p.allocations().stream().map(Allocation::invoiceId).toList();
        StringBuilder sb = new StringBuilder(random.nextBoolean() ? "" : "RE INVOICES ");
        for (int i = 0; i < ids.size(); i++) {
            String digits = ids.get(i).substring(4);
            sb.append(i == 0 ? "" : ", ").append(i == 0 ? ids.get(i) : digits.replaceFirst("^0+(?=.)", ""));
        }
        return sb.toString();
    }

    private String sloppy(String invoiceId) {
        String digits = invoiceId.substring(4);
        String significant = digits.replaceFirst("^0+(?=.)", "");
        return switch (random.nextInt(6)) {
            case 0 -> "inv " + digits;
            case 1 -> "INVOICE NO. INV" + digits;
            case 2 -> "Pmt for inv-" + digits + " thank you";
            case 3 -> "RE " + significant;
            case 4 -> "Rechnung Nr. " + significant + " vom " + (1 + random.nextInt(28)) + "." + (1 + random.nextInt(12)) + ".";
            default -> "REF " + invoiceId.toLowerCase(Locale.ROOT);
        };
    }

    /** Fees, payroll, suppliers and interest: the lines of a statement that are not customer cash. */
    private List<BankLine> noise(Map<String, Integer> txSeq, List<String[]> truth) {
        List<BankLine> lines = new ArrayList<>();
        for (Map.Entry<String, String> e : ourAccounts.entrySet()) {
            String currency = e.getKey();
            String account = e.getValue();
            LocalDate d = bankStart;
            while (!d.isAfter(settings.end())) {
                if (d.getDayOfWeek().getValue() <= 5) {
                    if (random.nextInt(100) < 60) {
                        lines.add(new BankLine(nextTx(account, d, txSeq), account, currency, d, d,
                                BigDecimal.valueOf(-(500 + random.nextInt(4500)), 2), "BANK", null, "ACCOUNT FEES", "ACMT-MDOP-FEES"));
                    }
                    if (random.nextInt(100) < 40) {
                        lines.add(new BankLine(nextTx(account, d, txSeq), account, currency, d, d,
                                BigDecimal.valueOf(-(100_000 + random.nextInt(2_000_000)), 2), "SUPPLIER " + (1 + random.nextInt(30)),
                                Iban.random("DE", random), "PO " + (40_000 + random.nextInt(9_999)), "PMNT-ICDT-ESCT"));
                    }
                }
                d = d.plusDays(1);
            }
            LocalDate payroll = weekday(settings.end().minusDays(3));
            if (currency.equals("USD")) {
                lines.add(new BankLine(nextTx(account, payroll, txSeq), account, currency, payroll, payroll,
                        BigDecimal.valueOf(-(20_000_000 + random.nextInt(5_000_000)), 2), "PAYROLL", null, "SALARIES", "PMNT-ICDT-SALA"));
            }
            LocalDate end = weekday(settings.end());
            BankLine interest = new BankLine(nextTx(account, end, txSeq), account, currency, end, end,
                    BigDecimal.valueOf(1_000 + random.nextInt(20_000), 2), "BANK", null, "CREDIT INTEREST", "ACMT-MCOP-INTR");
            lines.add(interest);
            truth.add(new String[]{interest.id(), account, "", "", plain(interest.amount()), "not_customer_cash", "not_customer_cash"});
            // a returned direct debit names an invoice, but it is money going out: nothing to apply
            LocalDate returned = weekday(bankStart.plusDays(9));
            BankLine debit = new BankLine(nextTx(account, returned, txSeq), account, currency, returned, returned,
                    BigDecimal.valueOf(-(10_000 + random.nextInt(500_000)), 2), "RETURNED DIRECT DEBIT", null,
                    "RETURN " + (lastInvoiceId == null ? "INV-000001" : lastInvoiceId) + " MD06", "PMNT-RDDT-UPDD");
            lines.add(debit);
            truth.add(new String[]{debit.id(), account, "", "", plain(debit.amount()), "bank_debit", "bank_debit_not_receipt"});
        }
        return lines;
    }

    private static String nextTx(String account, LocalDate date, Map<String, Integer> txSeq) {
        int n = txSeq.merge(account, 1, Integer::sum);
        return account.substring(0, 2) + date.format(YYYYMMDD) + String.format(Locale.ROOT, "%05d", n);
    }

    private List<String[]> fxRates() {
        List<String[]> rows = new ArrayList<>();
        BigDecimal eur = new BigDecimal("1.0850");
        BigDecimal gbp = new BigDecimal("1.2650");
        LocalDate d = start.minusDays(7).with(DayOfWeek.MONDAY);
        while (!d.isAfter(settings.end())) {
            rows.add(new String[]{d.toString(), "EUR", eur.toPlainString()});
            rows.add(new String[]{d.toString(), "GBP", gbp.toPlainString()});
            eur = walk(eur);
            gbp = walk(gbp);
            LocalDate next = d.plusWeeks(1);
            LocalDate monthEnd = d.withDayOfMonth(d.lengthOfMonth());
            if (monthEnd.isBefore(next) && !monthEnd.equals(d) && !monthEnd.isAfter(settings.end())) {
                rows.add(new String[]{monthEnd.toString(), "EUR", eur.toPlainString()});
                rows.add(new String[]{monthEnd.toString(), "GBP", gbp.toPlainString()});
            }
            d = next;
        }
        if (!settings.end().equals(settings.end().with(DayOfWeek.MONDAY))
                && rows.stream().noneMatch(r -> r[0].equals(settings.end().toString()))) {
            rows.add(new String[]{settings.end().toString(), "EUR", eur.toPlainString()});
            rows.add(new String[]{settings.end().toString(), "GBP", gbp.toPlainString()});
        }
        return rows;
    }

    private BigDecimal walk(BigDecimal rate) {
        return rate.add(BigDecimal.valueOf(random.nextInt(201) - 100, 4)).setScale(4, RoundingMode.HALF_EVEN);
    }

    private void writeCustomers(Path file, List<Customer> customers) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (Customer c : customers) {
            rows.add(new String[]{c.id(), c.name(), c.currency(), plain(c.limit()), String.valueOf(c.terms()), c.country(),
                String.join("|", c.accounts()), c.parent() == null ? "" : c.parent()});
        }
        write(file, new String[]{"customer_id", "name", "currency", "credit_limit", "payment_terms_days", "country",
            "bank_accounts", "parent_customer_id"}, rows);
    }

    private void writeOrdersAndInvoices(Path out, List<Invoice> invoices, List<String[]> memoRows) throws IOException {
        List<String[]> orders = new ArrayList<>();
        List<String[]> docs = new ArrayList<>();
        int extra = 0;
        for (int n = 0; n < invoices.size(); n++) {
            Invoice inv = invoices.get(n);
            LocalDate ordered = inv.date().minusDays(random.nextInt(6));
            // one invoice in 200 does not bill what was ordered (a price changed on the way)
            BigDecimal orderedAmount = n % 200 == 57
                    ? inv.amount().multiply(new BigDecimal("0.90")).setScale(2, RoundingMode.HALF_EVEN) : inv.amount();
            orders.add(new String[]{inv.orderId(), inv.customer().id(), ordered.toString(), inv.customer().currency(),
                plain(orderedAmount), "FULFILLED", inv.date().toString()});
            if (n % 200 == 157) {
                // one order in 200 is delivered and never billed
                orders.add(new String[]{String.format(Locale.ROOT, "SO-F%05d", ++extra), inv.customer().id(), ordered.toString(),
                    inv.customer().currency(), plain(inv.amount()), "FULFILLED", inv.date().toString()});
            }
            // one invoice in 61 is disputed by its customer (a price or delivery complaint)
            docs.add(new String[]{inv.id(), inv.customer().id(), inv.orderId(), inv.date().toString(), inv.due().toString(),
                inv.customer().currency(), plain(inv.amount()), "INVOICE", "", n % 61 == 23 ? "true" : ""});
            if (random.nextInt(100) < 4) {
                String status = inv.date().isAfter(settings.end().minusDays(20)) ? "OPEN" : "CANCELLED";
                orders.add(new String[]{String.format(Locale.ROOT, "SO-X%05d", ++extra), inv.customer().id(), inv.date().toString(),
                    inv.customer().currency(), plain(inv.amount()), status, ""});
            }
        }
        for (String[] memo : memoRows) {
            docs.add(java.util.Arrays.copyOf(memo, memo.length + 1)); // not disputed: the column left empty
        }
        write(out.resolve("orders.csv"), new String[]{"order_id", "customer_id", "order_date", "currency", "amount", "status",
            "fulfilled_date"}, orders);
        write(out.resolve("invoices.csv"), new String[]{"invoice_id", "customer_id", "order_id", "invoice_date", "due_date",
            "currency", "amount", "type", "original_invoice_id", "disputed"}, docs);
    }

    /**
     * The month's bank lines, a file per account as its bank sends it: the euro account as
     * camt.053, the sterling account as MT940, the dollar account as the generic bank CSV; or
     * every account in the one format the settings name.
     */
    private void writeBank(Path dir, List<BankLine> lines) throws IOException {
        Map<String, List<BankLine>> byAccount = new TreeMap<>();
        Map<String, String> currencyOf = new TreeMap<>();
        for (BankLine b : lines) {
            byAccount.computeIfAbsent(b.account(), k -> new ArrayList<>()).add(b);
            currencyOf.put(b.account(), b.currency());
        }
        for (Map.Entry<String, List<BankLine>> e : byAccount.entrySet()) {
            String currency = currencyOf.get(e.getKey());
            String name = "statement-" + currency.toLowerCase(Locale.ROOT) + "-" + bankStart.toString().substring(0, 7);
            List<StatementFormats.Line> statement = e.getValue().stream().map(b -> new StatementFormats.Line(b.id(), b.booking(),
                    b.value(), b.amount(), b.payer(), b.payerAccount(), b.remittance(), b.code())).toList();
            BigDecimal opening = new BigDecimal(currency.equals("EUR") ? "250000.00" : "180000.00");
            String format = settings.statementFormat() != null ? settings.statementFormat()
                    : switch (currency) {
                        case "EUR" -> "camt";
                        case "GBP" -> "mt940-fields";
                        default -> "csv";
                    };
            switch (format) {
                case "camt" -> StatementFormats.camt053(dir.resolve(name + ".xml"), e.getKey(), currency, opening, statement);
                case "mt940-fields" -> StatementFormats.mt940(dir.resolve(name + ".sta"), e.getKey(), currency, opening, statement);
                case "mt940" -> BankTextForms.mt940FreeText(dir.resolve(name + ".sta"), e.getKey(), currency, opening, statement);
                case "bai2" -> BankTextForms.bai2(dir.resolve(name + ".bai"), e.getKey(), currency, opening, statement, settings.hard());
                default -> {
                    List<String[]> rows = new ArrayList<>();
                    for (BankLine b : e.getValue()) {
                        rows.add(new String[]{b.id(), b.account(), b.currency(), b.booking().toString(), b.value().toString(),
                            plain(b.amount()), b.payer() == null ? "" : b.payer(), b.payerAccount() == null ? "" : b.payerAccount(),
                            b.remittance(), "", b.code()});
                    }
                    write(dir.resolve(name + ".csv"), new String[]{"transaction_id", "account", "currency", "booking_date",
                        "value_date", "amount", "counterparty_name", "counterparty_account", "remittance_info",
                        "structured_reference", "bank_transaction_code"}, rows);
                }
            }
        }
    }

    private static void write(Path file, String[] header, List<String[]> rows) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8); CSVPrinter csv = new CSVPrinter(w, CSV)) {
            csv.printRecord((Object[]) header);
            for (String[] row : rows) {
                csv.printRecord((Object[]) row);
            }
        }
    }

    private static LocalDate weekday(LocalDate d) {
        return switch (d.getDayOfWeek()) {
            case SATURDAY -> d.plusDays(2);
            case SUNDAY -> d.plusDays(1);
            default -> d;
        };
    }

    private static String plain(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }
}
