package dev.o2c.reports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of one {@code pack-table} section: blocks, each a heading and column headers,
 * then its rows (plain, bold totals, or wide: a term and a paragraph). Cells are text,
 * already formatted with {@link PackFormat}; six columns at most.
 */
final class PackRows {

    private final List<Map<String, ?>> rows = new ArrayList<>();
    private String block = "";
    private String[] headers = new String[0];
    private int blocks;

    /** Starts a block; the rows that follow go under this heading and these column headers. */
    PackRows block(String heading, String... columnHeaders) {
        // numbered so two blocks with the same heading still start a group each
        block = String.format(java.util.Locale.ROOT, "%02d|%s", ++blocks, heading);
        headers = columnHeaders;
        return this;
    }

    PackRows row(String... cells) {
        return add(cells, false, false);
    }

    PackRows total(String... cells) {
        return add(cells, true, false);
    }

    /** A term and a paragraph across the rest of the line. */
    PackRows wide(String term, String text) {
        return add(new String[]{term, text}, false, true);
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    List<Map<String, ?>> rows() {
        return rows;
    }

    private PackRows add(String[] cells, boolean bold, boolean wide) {
        if (cells.length > 6 || headers.length > 6) {
            throw new IllegalArgumentException("a pack table has six columns at most");
        }
        Map<String, Object> row = new HashMap<>();
        row.put("block", block.substring(block.indexOf('|') + 1));
        row.put("group", block);
        for (int i = 0; i < 6; i++) {
            row.put("h" + i, i < headers.length ? headers[i] : null);
            row.put("c" + i, i < cells.length ? cells[i] : null);
        }
        row.put("bold", bold);
        row.put("wide", wide);
        rows.add(row);
        return this;
    }
}
