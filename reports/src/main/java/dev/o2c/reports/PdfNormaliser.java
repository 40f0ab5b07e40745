package dev.o2c.reports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a PDF's bytes depend only on its content. The PDF library stamps the
 * wall-clock time into {@code /CreationDate} and {@code /ModDate} and a time-based
 * {@code /ID} into the trailer, and picks the six-letter prefixes of embedded font
 * subsets ({@code /ABCDEF+DejaVuSans}) at random; we put the as-of date in the first
 * two, a hash of the document in the third, and prefixes derived from the font names,
 * in order of appearance, in the last. Every replacement keeps the byte length, so the
 * cross-reference offsets stay true and the file stays valid.
 */
final class PdfNormaliser {

    private static final Pattern DATE = Pattern.compile("/(CreationDate|ModDate)\\s*\\((D:\\d{14})([^)]*)\\)");
    private static final Pattern SUBSET = Pattern.compile("/([A-Z]{6})\\+([A-Za-z0-9_.-]+)");
    private static final Pattern ID = Pattern.compile("/ID\\s*\\[\\s*<([0-9A-Fa-f]+)>\\s*<([0-9A-Fa-f]+)>\\s*]");

    private PdfNormaliser() {
    }

    static byte[] normalise(byte[] pdf, LocalDate asOf) {
        // ISO-8859-1 maps every byte to one char and back, so offsets are preserved.
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        String stamp = "D:" + asOf.format(DateTimeFormatter.BASIC_ISO_DATE) + "000000";
        StringBuilder out = new StringBuilder(text.length());
        Matcher m = DATE.matcher(text);
        int last = 0;
        int dates = 0;
        while (m.find()) {
            out.append(text, last, m.start(2)).append(stamp).append(zone(m.group(3)));
            last = m.end(3);
            dates++;
        }
        out.append(text, last, text.length());
        text = out.toString();

        text = renameSubsets(text);

        Matcher id = ID.matcher(text);
        if (id.find()) {
            String blanked = text.substring(0, id.start(1)) + "0".repeat(id.group(1).length()) + text.substring(id.end(1), id.start(2))
                    + "0".repeat(id.group(2).length()) + text.substring(id.end(2));
            String hash = sha256Hex(blanked.getBytes(StandardCharsets.ISO_8859_1));
            text = blanked.substring(0, id.start(1)) + fit(hash, id.group(1).length()) + blanked.substring(id.end(1), id.start(2))
                    + fit(hash, id.group(2).length()) + blanked.substring(id.end(2));
        }
        if (dates == 0) {
            throw new IllegalStateException("no creation date found in the PDF: the PDF library changed, review PdfNormaliser");
        }
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String renameSubsets(String text) {
        java.util.Map<String, String> renamed = new java.util.LinkedHashMap<>();
        Matcher m = SUBSET.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        while (m.find()) {
            String key = m.group(1) + "+" + m.group(2);
            String prefix = renamed.computeIfAbsent(key, k -> letters(sha256Hex((renamed.size() + ":" + m.group(2))
                    .getBytes(StandardCharsets.ISO_8859_1))));
            out.append(text, last, m.start(1)).append(prefix);
            last = m.end(1);
        }
        out.append(text, last, text.length());
        return out.toString();
    }

    /** Six capital letters from a hex digest. */
    private static String letters(String hex) {
        StringBuilder sb = new StringBuilder(6);
        for (int i = 0; i < 6; i++) {
            sb.append((char) ('A' + Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16) % 26));
        }
        return sb.toString();
    }

    /** UTC written in the same number of characters as the original zone. */
    private static String zone(String original) {
        return switch (original.length()) {
            case 0 -> "";
            case 1 -> "Z";
            case 7 -> "+00'00'";
            case 8 -> "+00'00''";
            default -> throw new IllegalStateException("unexpected PDF date zone '" + original + "'");
        };
    }

    private static String fit(String hex, int length) {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < length) {
            sb.append(hex);
        }
        return sb.substring(0, length).toUpperCase(java.util.Locale.ROOT);
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
