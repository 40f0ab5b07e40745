package dev.o2c.readers.bank;

import dev.o2c.readers.csv.InputFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/** The bank statement formats of {@code o2c statement --format}, and detection by content. */
public enum BankFormat {
    BAI2, MT940, MT942, CAMT052, CAMT053, CAMT054, CSV;

    /** A SWIFT field tag at the start of a line: {@code :20:}, {@code :60F:}, {@code :61:}, {@code :940:}. */
    private static final java.util.regex.Pattern SWIFT_TAG = java.util.regex.Pattern.compile(":(\\d{2,3}[A-Z]?|NS):");

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BankFormat fromLabel(String label) {
        for (BankFormat f : values()) {
            if (f.label().equals(label)) {
                return f;
            }
        }
        throw new IllegalArgumentException("format '" + label + "' is not one of auto, bai2, mt940, mt942, camt052, camt053, camt054, csv");
    }

    /**
     * Recognises a statement by its first bytes: XML names its camt message, a SWIFT
     * block or {@code :20:} is MT940 (MT942 when {@code :34F:} appears), {@code 01,} (or any
     * two-digit record code, comma, and a closing slash) is BAI2,
     * anything else is read as bank CSV.
     */
    public static BankFormat detect(Path file, String name) {
        byte[] head = new byte[8192];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (NoSuchFileException e) {
            throw new InputFormatException(name, "file not found");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String text = new String(head, 0, n, StandardCharsets.ISO_8859_1).replace("\uFEFF", "").replace("\u00EF\u00BB\u00BF", "").stripLeading();
        if (text.isEmpty()) {
            throw new InputFormatException(name, "empty file");
        }
        if (text.startsWith("<")) {
            for (String kind : new String[]{"052", "053", "054"}) {
                if (text.contains("camt." + kind) || text.contains("BkToCstmr" + switch (kind) {
                    case "052" -> "AcctRpt";
                    case "053" -> "Stmt";
                    default -> "DbtCdtNtfctn";
                })) {
                    return valueOf("CAMT" + kind);
                }
            }
            throw new InputFormatException(name, 1, "XML that is not a camt.052, camt.053 or camt.054 message");
        }
        if (text.startsWith("{1:") || SWIFT_TAG.matcher(text).lookingAt() || text.contains("\n:20:") || text.contains("@@:20:")) {
            return text.contains(":34F:") ? MT942 : MT940;
        }
        if (text.startsWith("01,") || text.matches("(?s)^\\d\\d,[^\\n]*/.*")) {
            // a BAI2 file, or what is left of one: its reader says which record is wrong
            return BAI2;
        }
        return CSV;
    }
}
