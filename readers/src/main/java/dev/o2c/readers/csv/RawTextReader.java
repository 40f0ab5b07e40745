package dev.o2c.readers.csv;

import java.io.IOException;
import java.io.Reader;

/**
 * A reader that remembers the text it has handed out since a mark, so the raw text
 * of a CSV record can be recovered from its character positions, and counts line
 * breaks so a position can be turned into a line number.
 *
 * <p>Commons CSV reads ahead, so a record's text is known only once the parser has
 * moved past it; {@link #text(long, long)} serves any range at or after the last
 * {@link #release(long)}. Memory is bounded by the longest record plus the parser's
 * read-ahead. Not thread-safe.
 */
final class RawTextReader extends Reader {

    /**
     * The longest record read, in characters: a quote never closed, or a file without line
     * breaks, fails with its line in bounded memory rather than being read whole.
     */
    static final int MAX_RECORD_CHARS = 16 << 20;

    private final Reader in;
    private final String name;
    private final int linesSkipped;
    private final StringBuilder kept = new StringBuilder();
    /** absolute position of kept's first char */
    private long keptFrom;
    /** line breaks seen in released text (before keptFrom) */
    private long linesBefore;

    /** @param linesSkipped lines before the text this reader reads (titles above the header), for line numbers */
    RawTextReader(Reader in, String name, int linesSkipped) {
        this.in = in;
        this.name = name;
        this.linesSkipped = linesSkipped;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        if (kept.length() > MAX_RECORD_CHARS) {
            throw new InputFormatException(name, currentLine() + linesSkipped, "a record longer than " + (MAX_RECORD_CHARS >> 20)
                    + " MB (a quote never closed, or no line breaks): not read further");
        }
        int n = in.read(buf, off, len);
        if (n > 0) {
            kept.append(buf, off, n);
        }
        return n;
    }

    /** The text from {@code from} (inclusive) to {@code to} (exclusive), absolute positions. */
    String text(long from, long to) {
        int a = (int) (from - keptFrom);
        int b = (int) Math.min(to - keptFrom, kept.length());
        return a >= b ? "" : kept.substring(a, b);
    }

    /** The 1-based line number of an absolute position at or after the last release. */
    long lineOf(long position) {
        long lines = linesBefore;
        int end = (int) (position - keptFrom);
        for (int i = 0; i < end && i < kept.length(); i++) {
            if (kept.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines + 1;
    }

    /**
     * The line of the next character to be read: where a decoding error stands, since
     * the decoder hands out every character before the bytes it cannot decode.
     */
    long currentLine() {
        return lineOf(keptFrom + kept.length());
    }

    /** Forgets the text before {@code position}. */
    void release(long position) {
        int end = (int) Math.min(position - keptFrom, kept.length());
        if (end <= 0) {
            return;
        }
        for (int i = 0; i < end; i++) {
            if (kept.charAt(i) == '\n') {
                linesBefore++;
            }
        }
        kept.delete(0, end);
        keptFrom += end;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
