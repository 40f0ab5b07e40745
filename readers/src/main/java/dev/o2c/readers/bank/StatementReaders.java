package dev.o2c.readers.bank;

import dev.o2c.readers.bank.bai2.Bai2Reader;
import dev.o2c.readers.bank.camt.CamtReader;
import dev.o2c.readers.bank.mt940.Mt940Reader;
import java.nio.file.Path;

/** Opens the streaming reader for a statement format (bank CSV reads row by row instead, with rejects). */
public final class StatementReaders {

    private StatementReaders() {
    }

    /**
     * @throws IllegalArgumentException for bank CSV, which {@link BankCsvReader} reads
     */
    public static StatementReader open(BankFormat format, Path file, String name, String sha256) {
        return open(format, file, name, sha256, ReadingRules.STANDARD);
    }

    /**
     * @throws IllegalArgumentException for bank CSV, which {@link BankCsvReader} reads
     */
    public static StatementReader open(BankFormat format, Path file, String name, String sha256, ReadingRules rules) {
        return switch (format) {
            case CAMT052, CAMT053, CAMT054 -> CamtReader.open(file, name, sha256, rules);
            case MT940, MT942 -> Mt940Reader.open(file, name, sha256, rules);
            case BAI2 -> Bai2Reader.open(file, name, sha256, rules);
            case CSV -> throw new IllegalArgumentException("bank CSV is read row by row by BankCsvReader");
        };
    }
}
