package dev.o2c.jobs.close;

import java.time.LocalDate;

/** The names of the pack's files in the output directory (CONTRACTS.md section 3: {@code *.pdf}, {@code *.xlsx}). */
public final class OutputNames {

    public static final String CASH_APPLICATION = "cash-application.csv";
    public static final String EXCEPTIONS = "exceptions.csv";
    /** The nightly run's figures of the night's bank credits. */
    public static final String DAILY_CASH_APPLICATION = "cash-application-daily.json";

    private OutputNames() {
    }

    public static String pdf(LocalDate asOf) {
        return "ar-aging-summary-" + asOf + ".pdf";
    }

    public static String xlsx(LocalDate asOf) {
        return "ar-aging-" + asOf + ".xlsx";
    }

    /** {@code rejects/NAME.csv}, NAME the input's path within the input directory. */
    public static String rejects(String input) {
        return "rejects/" + (input.endsWith(".csv") ? input : input + ".csv");
    }
}
