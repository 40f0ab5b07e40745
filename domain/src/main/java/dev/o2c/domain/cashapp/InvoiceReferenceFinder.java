package dev.o2c.domain.cashapp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds invoice numbers in remittance text.
 *
 * <p>Both sides are reduced to upper-case letters and digits, so {@code INV-000123},
 * {@code inv 000123} and {@code INV000123} meet. Tokens of the text are tried alone
 * and joined with their next one or two neighbours, which covers a number the payer
 * split with spaces. Ids shorter than {@value #MIN_KEY_LENGTH} characters once reduced
 * are never searched: they would turn up inside unrelated numbers. Two ids that
 * reduce to the same key are both returned, and the caller sees the ambiguity.
 * Tolerance to typos and dropped prefixes belongs to the full matching engine.
 */
public final class InvoiceReferenceFinder {

    static final int MIN_KEY_LENGTH = 4;
    private static final int MAX_JOINED_TOKENS = 3;

    private final Map<String, List<String>> idsByKey = new HashMap<>();

    public InvoiceReferenceFinder(Collection<String> invoiceIds) {
        for (String id : invoiceIds) {
            String key = key(id);
            if (key.length() >= MIN_KEY_LENGTH) {
                idsByKey.computeIfAbsent(key, k -> new ArrayList<>(1)).add(id);
            }
        }
    }

    static String key(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toUpperCase(c));
            }
        }
        return sb.toString().toUpperCase(Locale.ROOT);
    }

    /** The invoice ids the texts name, in order of first appearance, without repeats. */
    public List<String> find(String... texts) {
        Set<String> found = new LinkedHashSet<>();
        for (String text : texts) {
            if (text == null || text.isBlank()) {
                continue;
            }
            List<String> tokens = tokens(text);
            for (int i = 0; i < tokens.size(); i++) {
                StringBuilder joined = new StringBuilder();
                for (int n = 0; n < MAX_JOINED_TOKENS && i + n < tokens.size(); n++) {
                    joined.append(tokens.get(i + n));
                    List<String> ids = idsByKey.get(joined.toString());
                    if (ids != null) {
                        found.addAll(ids);
                    }
                }
            }
        }
        return List.copyOf(found);
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                current.append(Character.toUpperCase(c));
            } else if (current.length() > 0) {
                tokens.add(current.toString());
                current.setLength(0);
            }
        }
        if (current.length() > 0) {
            tokens.add(current.toString());
        }
        return tokens;
    }
}
