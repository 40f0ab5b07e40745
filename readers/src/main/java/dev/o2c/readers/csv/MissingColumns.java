package dev.o2c.readers.csv;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * What a header lacks, said at once: every required column that is not there, each with the
 * header's nearest name when one is close ({@code amount} beside {@code amt}, {@code invoice_no}
 * beside {@code invoice_id}), so that whoever writes a profile fixes them all in one go.
 */
public final class MissingColumns {

    private MissingColumns() {
    }

    /** The required columns the header does not have, in the order required; empty when none. */
    public static List<String> of(Collection<String> required, Collection<String> header) {
        List<String> missing = new ArrayList<>();
        for (String column : required) {
            if (!header.contains(column)) {
                missing.add(column);
            }
        }
        return missing;
    }

    /** The header's names that are none of the required columns: the only ones a missing column may be near. */
    public static List<String> unclaimed(Collection<String> header, Collection<String> required) {
        return of(header, required); // the same difference, the other way round
    }

    /** "missing required column 'amount', or "missing required columns 'amount' (nearest: 'amt'), 'currency'". */
    public static String message(List<String> missing, Collection<String> header) {
        StringBuilder sb = new StringBuilder(missing.size() == 1 ? "missing required column " : "missing required columns ");
        for (int i = 0; i < missing.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append('\'').append(missing.get(i)).append('\'');
            String near = nearest(missing.get(i), header);
            if (near != null) {
                sb.append(" (nearest in the file: '").append(near).append("')");
            }
        }
        return sb.toString();
    }

    /**
     * The header's name closest to the column: starting with the same letter, and within a third
     * of the column's length in edits (at least 2), or its letters in order an abbreviation of it
     * ({@code amt}, {@code cust_id}); the fewest edits win. Null when none is that close.
     */
    static String nearest(String column, Collection<String> header) {
        int limit = Math.max(2, column.length() / 3);
        LevenshteinDistance distance = new LevenshteinDistance(limit);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : header) {
            if (name == null || name.length() < 2 || column.isEmpty() || name.charAt(0) != column.charAt(0)) {
                continue;
            }
            int d = distance.apply(column, name);
            if (d < 0 && abbreviates(name, column)) {
                d = limit + 1; // an abbreviation: after any name within the limit
            }
            if (d >= 0 && d < bestDistance) {
                best = name;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Whether the short name's letters and digits stand in the column in the same order. */
    private static boolean abbreviates(String name, String column) {
        int at = 0;
        int kept = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                continue;
            }
            at = column.indexOf(c, at);
            if (at < 0) {
                return false;
            }
            at++;
            kept++;
        }
        return kept >= 3 && name.length() < column.length();
    }
}
