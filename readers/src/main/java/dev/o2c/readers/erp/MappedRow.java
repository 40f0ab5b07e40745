package dev.o2c.readers.erp;

import dev.o2c.readers.csv.RowRejectedException;
import dev.o2c.readers.csv.SourceRow;
import dev.o2c.readers.csv.WrittenNumbers;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/**
 * A row of an ERP's file read through its {@link MappingProfile}: asked for one of our
 * fields, it finds the ERP's column, translates codes, turns dates into {@code YYYY-MM-DD}
 * and numbers into plain decimals, and gives amounts our sign convention (positive, the
 * type telling an invoice from a credit memo). Line and raw text stay the ERP's, so a
 * reject shows the record as the ERP wrote it; a value it cannot read names the ERP's column.
 */
final class MappedRow implements SourceRow {

    private final MappingProfile profile;
    private final SourceRow row;
    private final WrittenNumbers numbers;

    MappedRow(MappingProfile profile, SourceRow row, WrittenNumbers numbers) {
        this.profile = profile;
        this.row = row;
        this.numbers = numbers;
    }

    @Override
    public long line() {
        return row.line();
    }

    @Override
    public String raw() {
        return row.raw();
    }

    @Override
    public String shapeProblem() {
        return row.shapeProblem();
    }

    @Override
    public String get(String field) {
        String constant = profile.constants().get(field);
        if (constant != null) {
            return constant;
        }
        if (field.equals("type") && profile.extract() == ErpExtract.INVOICES && !profile.columns().containsKey("type")) {
            return signedAmount() != null && signedAmount().signum() < 0
                    && profile.negativeAmounts() == MappingProfile.NegativeAmounts.CREDIT_MEMO ? "CREDIT_MEMO" : null;
        }
        String column = profile.columns().get(field);
        if (column == null) {
            return null;
        }
        String text = source(column);
        if (text == null) {
            return null;
        }
        Map<String, String> codes = profile.values().get(field);
        if (codes != null) {
            return translate(column, text, codes);
        }
        if (profile.extract().dateColumns().contains(field)) {
            return row.typed(column.toLowerCase(Locale.ROOT)) ? text : profile.dates().parse(column, text).toString();
        }
        if (field.equals("amount")) {
            return amount().toPlainString();
        }
        if (profile.extract().numberColumns().contains(field)) {
            return number(column, text).toPlainString();
        }
        return text;
    }

    private String source(String column) {
        return row.get(column.toLowerCase(Locale.ROOT));
    }

    private BigDecimal number(String column, String text) {
        return row.typed(column.toLowerCase(Locale.ROOT)) ? new BigDecimal(text) : numbers.parse(column, text);
    }

    private static String translate(String column, String text, Map<String, String> codes) {
        for (Map.Entry<String, String> e : codes.entrySet()) {
            if (e.getKey().equalsIgnoreCase(text)) {
                return e.getValue();
            }
        }
        throw new RowRejectedException(column + " '" + text + "' is not one of the codes the profile translates ("
                + String.join(", ", codes.keySet()) + ")");
    }

    /** The amount as the ERP means it: its sign from the text or from the debit/credit column. */
    private BigDecimal signedAmount() {
        String column = profile.columns().get("amount");
        String text = column == null ? null : source(column);
        if (text == null) {
            return null;
        }
        BigDecimal amount = number(column, text);
        MappingProfile.SignIndicator indicator = profile.indicator();
        if (indicator == null) {
            return amount;
        }
        String side = source(indicator.column());
        if (side != null && indicator.debitValues().stream().anyMatch(side::equalsIgnoreCase)) {
            return amount.abs();
        }
        if (side != null && indicator.creditValues().stream().anyMatch(side::equalsIgnoreCase)) {
            return amount.abs().negate();
        }
        throw new RowRejectedException(indicator.column() + " '" + (side == null ? "" : side) + "' is neither debit ("
                + String.join(", ", indicator.debitValues()) + ") nor credit (" + String.join(", ", indicator.creditValues()) + ")");
    }

    /** Our amount: positive, the type giving the direction. */
    private BigDecimal amount() {
        BigDecimal amount = signedAmount();
        if (amount.signum() >= 0) {
            return amount;
        }
        boolean creditMemo = "CREDIT_MEMO".equals(get("type"));
        if (creditMemo || profile.negativeAmounts() != MappingProfile.NegativeAmounts.REJECT) {
            return amount.negate();
        }
        String column = profile.columns().get("amount");
        throw new RowRejectedException(column + " '" + source(column) + "' is negative, and the " + profile.name()
                + " profile loads no negative amounts (negative_amounts: reject)");
    }
}
