package dev.o2c.domain.text;

/**
 * Text bound for a spreadsheet cell or a CSV field that a spreadsheet may open.
 * A value starting with {@code = + - @} (or tab, carriage return) would be run as a
 * formula; prefixed with an apostrophe it shows as the text it is.
 */
public final class CellText {

    private CellText() {
    }

    public static boolean looksLikeFormula(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        char c = text.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    /** The text with a leading apostrophe when it looks like a formula; unchanged otherwise. */
    public static String neutralise(String text) {
        return looksLikeFormula(text) ? "'" + text : text;
    }
}
