package dev.o2c.writers.store;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * One input file as loaded: what the manifest reports of it. Keyed in the store by
 * its SHA-256, so the same bytes are never loaded twice.
 *
 * @param name the path within the input directory, with {@code /}
 * @param kind which extract: customers, invoices, ..., bank
 * @param records rows read; always {@code loaded + rejected}
 * @param controlTotal the sum of the loaded amounts per currency (signed for bank lines)
 */
public record InputFile(
        String name,
        String sha256,
        String kind,
        String format,
        long records,
        long loaded,
        long rejected,
        Map<String, BigDecimal> controlTotal) {

    public InputFile {
        controlTotal = new TreeMap<>(controlTotal);
    }
}
