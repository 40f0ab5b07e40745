package dev.o2c.jobs.close;

import dev.o2c.domain.controls.Control;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The control that fails a file with too many rejects: past the configured share (5 % by
 * default) the file is more likely the wrong layout or a broken export than a few bad rows,
 * and figures computed on what was left of it would mislead. The file's good records stay
 * loaded (a person can see them and its rejects); the close ends with exit 3. Bank
 * statements are not counted against it: their checks are the statements' own.
 */
final class RejectLimit {

    private RejectLimit() {
    }

    /**
     * ERP extracts only: a bank statement's lines are rejected when the statement was loaded
     * before, which is a notice (the statement is skipped), not a broken file.
     */
    static boolean appliesTo(String kind) {
        return !InputKind.BANK.label().equals(kind);
    }

    /**
     * Expected 0, actual the rejected records beyond the most the limit allows
     * ({@code floor(records x share)}); so it passes exactly when {@code rejected <= records x share}.
     */
    static Control control(String file, long records, long rejected, BigDecimal share) {
        long allowed = BigDecimal.valueOf(records).multiply(share).setScale(0, RoundingMode.FLOOR).longValueExact();
        String percent = share.movePointRight(2).stripTrailingZeros().toPlainString();
        return Control.of("rejected records above the " + percent + " % limit: " + file, 0, Math.max(0, rejected - allowed));
    }
}
