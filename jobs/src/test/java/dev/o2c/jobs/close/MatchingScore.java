package dev.o2c.jobs.close;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * {@code scripts/bench matching}, the quality half: a close's {@code cash-application.csv}
 * scored against the generated company's {@code truth/cash-application.csv}, per hard case
 * and overall. An AUTO row is right when the truth has the same bank line, invoice and
 * amount (an AUTO remainder on account when the truth holds that much on account for the
 * same customer). Credits the ERP had already applied (RECONCILED) and credits that are not
 * customer cash are counted apart: they are not cash application's to decide.
 *
 * <pre>
 *   score OUT/cash-application.csv INPUT/truth/cash-application.csv [more pairs ...]
 * </pre>
 */
public final class MatchingScore {

    /** One case's (or the total's) counts. */
    static final class Tally {
        long credits;
        BigDecimal amount = BigDecimal.ZERO;
        long reconciled;
        long auto;
        BigDecimal autoAmount = BigDecimal.ZERO;
        long autoWrong;
        /** credits with at least one AUTO row (fully applied, or an overpayment with its rest on account) */
        long autoCredits;
        long autoRows;
        long autoRowsWrong;
        long suggested;
        long suggestedRight;
        long onAccount;
        long onAccountRightCustomer;
        long unmatched;
        BigDecimal suggestedAmount = BigDecimal.ZERO;
        BigDecimal onAccountAmount = BigDecimal.ZERO;
        BigDecimal unmatchedAmount = BigDecimal.ZERO;
        BigDecimal reconciledAmount = BigDecimal.ZERO;

        long toApply() {
            return credits - reconciled;
        }
    }

    private MatchingScore() {
    }

    /**
     * {@code OURS TRUTH [OURS TRUTH ...]}: the full report; {@code --row LABEL OURS TRUTH ...}: one
     * row of the per-format table (scripts/bench matching): credits to apply, AUTO precision, auto
     * rate by count, and the shares proposed, on account and unmatched.
     */
    public static void main(String[] args) throws IOException {
        Map<String, Tally> cases = new TreeMap<>();
        Tally customerCash = new Tally();
        Tally notCustomerCash = new Tally();
        List<String> wrong = new ArrayList<>();
        boolean row = args.length > 1 && args[0].equals("--row");
        for (int i = row ? 2 : 0; i + 1 < args.length; i += 2) {
            score(Path.of(args[i]), Path.of(args[i + 1]), cases, customerCash, notCustomerCash, wrong);
        }
        long[] identified = identified(cases);
        if (row) {
            Tally t = customerCash;
            long autoRight = t.autoCredits - t.autoWrong;
            System.out.printf(Locale.ROOT, "%s | %d | %s (%d of %d) | %s | %s | %s | %s | %s | %d%n", args[1], t.toApply(),
                    pct(autoRight, t.autoCredits), autoRight, t.autoCredits, pct(t.auto, t.toApply()), pct(identified[0], identified[1]),
                    pct(t.suggested, t.toApply()), pct(t.onAccount, t.toApply()), pct(t.unmatched, t.toApply()),
                    t.onAccount - t.onAccountRightCustomer);
            return;
        }
        StringBuilder out = new StringBuilder();
        out.append("case | credits | reconciled by the ERP | to apply | AUTO (fully applied) | AUTO rows wrong | SUGGESTED (top one right) | ON_ACCOUNT (right customer) | UNMATCHED\n");
        out.append("--- | --- | --- | --- | --- | --- | --- | --- | ---\n");
        cases.forEach((k, t) -> out.append(row(k, t)));
        out.append(row("**all customer cash**", customerCash));
        out.append(row("not customer cash (interest)", notCustomerCash));
        out.append('\n');
        Tally t = customerCash;
        long autoRight = t.autoCredits - t.autoWrong;
        out.append(String.format(Locale.ROOT, "AUTO precision: %s by credit (%d of %d credits with AUTO rows right), %s by row (%d of %d)%n",
                pct(autoRight, t.autoCredits), autoRight, t.autoCredits, pct(t.autoRows - t.autoRowsWrong, t.autoRows), t.autoRows - t.autoRowsWrong, t.autoRows));
        out.append(String.format(Locale.ROOT, "auto rate of the credits cash application decides (not already applied in the ERP): %s by count (%d of %d), %s by amount%n",
                pct(t.auto, t.toApply()), t.auto, t.toApply(), pct(t.autoAmount, t.amount.subtract(reconciledAmount(t)))));
        out.append(String.format(Locale.ROOT, "applied rightly by AUTO, of the credits whose payer or reference identifies them (%s): %s (%d of %d)%n",
                String.join(", ", NOT_IDENTIFIABLE), pct(identified[0], identified[1]), identified[0], identified[1]));
        out.append(String.format(Locale.ROOT, "auto rate of all bank credits (METRICS.md 4, the ERP's own applications not counted as AUTO): %s by count (%d of %d)%n",
                pct(t.auto, t.credits + notCustomerCash.credits), t.auto, t.credits + notCustomerCash.credits));
        out.append(String.format(Locale.ROOT, "shares of the credits to apply, by count: suggested %s, on account %s, unmatched %s; by amount: suggested %s, on account %s, unmatched %s%n",
                pct(t.suggested, t.toApply()), pct(t.onAccount, t.toApply()), pct(t.unmatched, t.toApply()),
                pct(t.suggestedAmount, t.amount.subtract(reconciledAmount(t))), pct(t.onAccountAmount, t.amount.subtract(reconciledAmount(t))),
                pct(t.unmatchedAmount, t.amount.subtract(reconciledAmount(t)))));
        if (!wrong.isEmpty()) {
            out.append("\nwrong AUTO applications:\n");
            wrong.stream().limit(50).forEach(w -> out.append("  ").append(w).append('\n'));
        }
        System.out.print(out);
    }

    /**
     * Cases whose credit names no invoice and comes from nobody the books know: a third party
     * paying an amount open once (amount-only matching proposes it unless configured to apply it),
     * a stranger, an amount open at several customers. No evidence beyond the amount exists for them.
     */
    static final List<String> NOT_IDENTIFIABLE = List.of("third_party_unique_amount", "unidentifiable_payer", "same_amount_at_several_customers");

    /**
     * Of the credits to apply outside {@link #NOT_IDENTIFIABLE}, those AUTO applied rightly (an
     * overpayment's rest on account with it), and how many there are: the share a reader and an
     * engine that miss nothing reach.
     */
    private static long[] identified(Map<String, Tally> cases) {
        long right = 0;
        long all = 0;
        for (Map.Entry<String, Tally> e : cases.entrySet()) {
            if (!NOT_IDENTIFIABLE.contains(e.getKey())) {
                right += e.getValue().autoCredits - e.getValue().autoWrong;
                all += e.getValue().toApply();
            }
        }
        return new long[]{right, all};
    }

    private static BigDecimal reconciledAmount(Tally t) {
        return t.reconciledAmount;
    }

    private static String row(String name, Tally t) {
        return String.format(Locale.ROOT, "%s | %d | %d | %d | %d (%s) | %d | %d (%d) | %d (%d) | %d%n", name, t.credits, t.reconciled,
                t.toApply(), t.auto, pct(t.auto, t.toApply()), t.autoWrong, t.suggested, t.suggestedRight, t.onAccount,
                t.onAccountRightCustomer, t.unmatched);
    }

    private static void score(Path ours, Path truthFile, Map<String, Tally> cases, Tally all, Tally notCustomer,
                              List<String> wrong) throws IOException {
        Map<String, List<CSVRecord>> truth = new LinkedHashMap<>();
        for (CSVRecord r : read(truthFile)) {
            truth.computeIfAbsent(r.get("bank_transaction_id"), k -> new ArrayList<>()).add(r);
        }
        Map<String, List<CSVRecord>> decided = new LinkedHashMap<>();
        for (CSVRecord r : read(ours)) {
            decided.computeIfAbsent(r.get("bank_transaction_id"), k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, List<CSVRecord>> e : truth.entrySet()) {
            List<CSVRecord> t = e.getValue();
            String kind = t.get(0).get("kind");
            if (kind.equals("bank_debit")) {
                if (decided.containsKey(e.getKey())) {
                    wrong.add(e.getKey() + ": a bank debit was given a cash application row");
                }
                continue;
            }
            List<CSVRecord> rows = decided.get(e.getKey());
            if (rows == null) {
                throw new IllegalStateException(ours + " has no row for bank credit " + e.getKey());
            }
            BigDecimal amount = new BigDecimal(rows.get(0).get("amount"));
            Tally c = kind.equals("not_customer_cash") ? notCustomer : cases.computeIfAbsent(t.get(0).get("case"), k -> new Tally());
            Tally total = kind.equals("not_customer_cash") ? null : all;
            Set<String> truthRows = new HashSet<>();
            String truthCustomer = "";
            for (CSVRecord r : t) {
                truthRows.add(r.get("invoice_id") + "|" + new BigDecimal(r.get("applied_amount")).stripTrailingZeros().toPlainString());
                truthCustomer = r.get("customer_id");
            }
            Set<String> statuses = new HashSet<>();
            rows.forEach(r -> statuses.add(r.get("status")));
            for (Tally x : total == null ? List.of(c) : List.of(c, total)) {
                x.credits++;
                x.amount = x.amount.add(amount);
                if (statuses.contains("RECONCILED")) {
                    x.reconciled++;
                    x.reconciledAmount = x.reconciledAmount.add(amount);
                } else if (statuses.contains("AUTO")) {
                    // METRICS.md 4: auto means fully applied to invoices; an overpayment's rest held
                    // on account makes the credit on account, its AUTO rows are still checked
                    boolean fully = !statuses.contains("ON_ACCOUNT");
                    if (fully) {
                        x.auto++;
                        x.autoAmount = x.autoAmount.add(amount);
                    } else {
                        x.onAccount++;
                        x.onAccountAmount = x.onAccountAmount.add(amount);
                        if (rows.get(0).get("customer_id").equals(truthCustomer)) {
                            x.onAccountRightCustomer++;
                        }
                    }
                    x.autoCredits++;
                    boolean right = true;
                    for (CSVRecord r : rows) {
                        String key = r.get("invoice_id") + "|" + new BigDecimal(r.get("applied_amount")).stripTrailingZeros().toPlainString();
                        boolean rowRight = truthRows.contains(key) && (r.get("customer_id").equals(truthCustomer) || !r.get("invoice_id").isEmpty());
                        if (r.get("status").equals("AUTO")) {
                            x.autoRows++;
                            if (!rowRight) {
                                x.autoRowsWrong++;
                            }
                        }
                        right &= rowRight;
                    }
                    if (!right) {
                        x.autoWrong++;
                        if (x == c) {
                            wrong.add(e.getKey() + " (" + t.get(0).get("case") + "): truth " + truthRows + ", ours " + rows.stream()
                                    .map(r -> r.get("status") + " " + r.get("invoice_id") + " " + r.get("applied_amount") + " [" + r.get("rule") + "]").toList());
                        }
                    }
                } else if (statuses.contains("SUGGESTED")) {
                    x.suggested++;
                    x.suggestedAmount = x.suggestedAmount.add(amount);
                    CSVRecord top = rows.get(0);
                    if (truthRows.contains(top.get("invoice_id") + "|" + new BigDecimal(top.get("applied_amount")).stripTrailingZeros().toPlainString())) {
                        x.suggestedRight++;
                    }
                } else if (statuses.contains("ON_ACCOUNT")) {
                    x.onAccount++;
                    x.onAccountAmount = x.onAccountAmount.add(amount);
                    if (rows.get(0).get("customer_id").equals(truthCustomer)) {
                        x.onAccountRightCustomer++;
                    }
                } else {
                    x.unmatched++;
                    x.unmatchedAmount = x.unmatchedAmount.add(amount);
                }
            }
        }
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    static String pct(long part, long whole) {
        return whole == 0 ? "n/a" : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_EVEN) + " %";
    }

    static String pct(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? "n/a" : part.multiply(BigDecimal.valueOf(100)).divide(whole, 2, RoundingMode.HALF_EVEN) + " %";
    }
}
