package dev.o2c.domain.bank;

import dev.o2c.domain.controls.ExceptionItem;
import dev.o2c.domain.controls.Severity;
import dev.o2c.domain.money.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The balance checks of bank statements: within a statement, opening + the sum of its
 * entries = closing; between consecutive statements of one account, the previous closing
 * = the next opening. A break is an exception for a person, never a crash.
 * Statements without a balance are not checked on that side.
 */
public final class StatementChecks {

    private static final Comparator<StatementTotals> CHAIN_ORDER = Comparator
            .comparing((StatementTotals s) -> date(s))
            .thenComparing(s -> sequenceKey(s.sequence()))
            .thenComparing(StatementTotals::file)
            .thenComparingLong(StatementTotals::order);

    private StatementChecks() {
    }

    public static List<ExceptionItem> check(List<StatementTotals> statements) {
        return check(statements, s -> true);
    }

    /**
     * Checks every statement, reporting only breaks of the statements {@code report} accepts:
     * the chain runs through earlier statements of the account, so this month's first statement
     * is checked against last month's last one, without reporting last month's breaks again.
     */
    public static List<ExceptionItem> check(List<StatementTotals> statements, java.util.function.Predicate<StatementTotals> report) {
        List<ExceptionItem> out = new ArrayList<>();
        Map<String, List<StatementTotals>> byAccount = new TreeMap<>();
        for (StatementTotals s : statements) {
            byAccount.computeIfAbsent(s.account(), a -> new ArrayList<>()).add(s);
            if (report.test(s)) {
                within(s, out);
            }
        }
        for (List<StatementTotals> chain : byAccount.values()) {
            chain.sort(CHAIN_ORDER);
            for (int i = 1; i < chain.size(); i++) {
                if (report.test(chain.get(i))) {
                    between(chain.get(i - 1), chain.get(i), out);
                }
            }
        }
        return out;
    }

    private static void within(StatementTotals s, List<ExceptionItem> out) {
        if (s.opening() == null || s.closing() == null) {
            return;
        }
        Money opening = s.opening().amount();
        Money closing = s.closing().amount();
        if (!opening.isSameCurrency(closing) || !opening.isSameCurrency(s.entriesSum())) {
            out.add(new ExceptionItem(BankFindings.CURRENCY_MIXED, Severity.ERROR, "bank_statement", s.label(), null,
                    "balances and entries are in different currencies (" + opening.currencyCode() + ", "
                    + closing.currencyCode() + ", " + s.entriesSum().currencyCode() + "); not checked"));
            return;
        }
        Money expected = opening.plus(s.entriesSum());
        if (!expected.equals(closing)) {
            out.add(new ExceptionItem(BankFindings.BALANCE_BREAK, Severity.ERROR, "bank_statement", s.label(),
                    closing.minus(expected), "opening " + opening.toPlainString() + " + " + s.entries() + " entries "
                    + s.entriesSum().toPlainString() + " = " + expected.toPlainString() + ", but the closing balance is "
                    + closing.toPlainString()));
        }
    }

    private static void between(StatementTotals previous, StatementTotals next, List<ExceptionItem> out) {
        if (previous.closing() == null || next.opening() == null
                || !previous.closing().amount().isSameCurrency(next.opening().amount())) {
            return;
        }
        Money closing = previous.closing().amount();
        Money opening = next.opening().amount();
        if (!closing.equals(opening)) {
            out.add(new ExceptionItem(BankFindings.CHAIN_BREAK, Severity.ERROR, "bank_statement", next.label(),
                    opening.minus(closing), "opens at " + opening.toPlainString() + " but the previous statement ("
                    + previous.label() + ") closed at " + closing.toPlainString()));
        }
    }

    private static LocalDate date(StatementTotals s) {
        if (s.opening() != null) {
            return s.opening().date();
        }
        return s.closing() != null ? s.closing().date() : LocalDate.MIN;
    }

    /** Numeric sequences compare as numbers ("9" before "10"), others as text after them. */
    private static String sequenceKey(String sequence) {
        if (sequence == null) {
            return "";
        }
        String digits = sequence.replaceAll("\\D", "");
        return digits.isEmpty() ? "~" + sequence : String.format("%020d", new java.math.BigInteger(digits).min(java.math.BigInteger.TEN.pow(19)));
    }
}
