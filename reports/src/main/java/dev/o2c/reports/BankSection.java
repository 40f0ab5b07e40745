package dev.o2c.reports;

import dev.o2c.domain.bank.BankFindings;
import dev.o2c.domain.controls.ExceptionItem;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The pack's words for the bank statements' checks: a sentence, then each finding. */
final class BankSection {

    /** How many findings the PDF lists before it sends the reader to exceptions.csv. */
    static final int LISTED = 8;

    private static final Map<String, String[]> NAMES = Map.of(
            BankFindings.BALANCE_BREAK, new String[]{"balance break", "balance breaks"},
            BankFindings.CHAIN_BREAK, new String[]{"chain break", "chain breaks"},
            BankFindings.CURRENCY_MIXED, new String[]{"statement in mixed currencies", "statements in mixed currencies"},
            BankFindings.DUPLICATE_STATEMENT, new String[]{"line of a statement loaded twice", "lines of statements loaded twice"},
            BankFindings.DUPLICATE_LINE, new String[]{"bank line loaded twice", "bank lines loaded twice"},
            BankFindings.BAI2_CONTROL_TOTAL, new String[]{"BAI2 control total that does not agree", "BAI2 control totals that do not agree"},
            BankFindings.BAI2_RECORD_COUNT, new String[]{"BAI2 record count that does not agree", "BAI2 record counts that do not agree"},
            BankFindings.READ_LENIENTLY, new String[]{"line read where the format was not followed", "lines read where the format was not followed"});

    private BankSection() {
    }

    /** One sentence: what was checked and what was found. */
    static String summary(PackData.Bank bank) {
        return "Bank statements: " + findings(bank);
    }

    /** The sentence without its subject, for a cell beside the label "Bank statements". */
    static String findings(PackData.Bank bank) {
        if (bank.statements() == 0 && bank.findings().isEmpty()) {
            return "none in this run's input.";
        }
        String what = bank.statements() + (bank.statements() == 1 ? " statement" : " statements") + " of "
                + bank.accounts() + (bank.accounts() == 1 ? " account" : " accounts");
        if (bank.findings().isEmpty()) {
            return what + "; every one adds up (opening + entries = closing) and opens where the one before it closed.";
        }
        Map<String, Integer> counts = new TreeMap<>();
        bank.findings().forEach(e -> counts.merge(e.category(), 1, Integer::sum));
        StringBuilder sb = new StringBuilder(what).append(": ");
        boolean first = true;
        for (Map.Entry<String, Integer> c : counts.entrySet()) {
            String[] name = NAMES.getOrDefault(c.getKey(), new String[]{c.getKey(), c.getKey()});
            sb.append(first ? "" : ", ").append(c.getValue()).append(' ').append(c.getValue() == 1 ? name[0] : name[1]);
            first = false;
        }
        return sb.append(" (exceptions.csv).").toString();
    }

    /** The summary, then the first findings, one a line. */
    static String text(PackData.Bank bank) {
        StringBuilder sb = new StringBuilder(summary(bank));
        List<ExceptionItem> findings = bank.findings();
        for (int i = 0; i < Math.min(LISTED, findings.size()); i++) {
            sb.append('\n').append(line(findings.get(i)));
        }
        if (findings.size() > LISTED) {
            sb.append("\n… and ").append(findings.size() - LISTED).append(" more in exceptions.csv.");
        }
        return sb.toString();
    }

    static String line(ExceptionItem e) {
        return "• " + e.entityId() + ": " + e.reason();
    }
}
