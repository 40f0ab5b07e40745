package dev.o2c.readers.bank;

import dev.o2c.readers.csv.InputFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The lines of a text file as banks write them: CR LF, LF or CR alone, with or without
 * a final line break. Each line is UTF-8 when it decodes as UTF-8, else ISO-8859-1 (the
 * bytes old German and Dutch systems write), so a stray byte never stops a statement.
 * A leading byte order mark is dropped. Streams; not thread-safe. A line longer than
 * {@link #MAX_LINE_BYTES} fails with its number: a file without line breaks (or not text at
 * all) is refused in bounded memory, never read whole into the heap.
 */
public final class TextLines implements AutoCloseable {

    /**
     * The longest line read, 16 MB: far beyond any statement's line (SWIFT lines are 65
     * characters; a BAI2 file written without line breaks, or a FinTS message joined with
     * "@@", is a few MB for a busy day).
     */
    public static final int MAX_LINE_BYTES = 16 << 20;

    private final InputStream in;
    private final String name;
    private final byte[] chunk = new byte[1 << 16];
    private int pos;
    private int limit;
    private byte[] line = new byte[256];
    private long number;
    private boolean eof;

    public TextLines(InputStream in, String name) {
        this.in = in;
        this.name = name;
    }

    /** The lines of a file, named as errors name it. */
    public static TextLines open(Path file, String name) {
        try {
            return new TextLines(Files.newInputStream(file), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next line without its line break, or null at the end. */
    public String next() {
        int length = 0;
        boolean any = false;
        int high = 0; // any byte of the line at or above 0x80: not ASCII
        String text = null;
        while (text == null) {
            if (pos == limit && !fill()) {
                if (!any) {
                    return null;
                }
                text = decode(line, 0, length, high < 0);
                break;
            }
            any = true;
            // scan the chunk for the line's end, a block at a time rather than byte by byte
            int from = pos;
            int end = from;
            byte[] c = chunk;
            int lim = limit;
            byte b;
            while (end < lim && (b = c[end]) != '\n' && b != '\r') {
                high |= b;
                end++;
            }
            if (end == lim) {
                append(c, from, end - from, length);
                length += end - from;
                pos = end;
                continue;
            }
            if (length == 0) {
                text = decode(c, from, end - from, high < 0);
            } else {
                append(c, from, end - from, length);
                length += end - from;
                text = decode(line, 0, length, high < 0);
            }
            pos = end + 1;
            if (c[end] == '\r') {
                if (pos == limit) {
                    fill();
                }
                if (pos < limit && chunk[pos] == '\n') {
                    pos++;
                }
            }
        }
        number++;
        return number == 1 && text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private void append(byte[] from, int offset, int count, int length) {
        if ((long) length + count > MAX_LINE_BYTES) {
            throw new InputFormatException(name, number + 1, "a line longer than " + (MAX_LINE_BYTES >> 20)
                    + " MB: not a statement file, or one whose line breaks are missing");
        }
        if (length + count > line.length) {
            line = java.util.Arrays.copyOf(line, Math.max(line.length * 2, length + count));
        }
        System.arraycopy(from, offset, line, length, count);
    }

    private boolean fill() {
        if (eof) {
            return false;
        }
        try {
            int n = in.read(chunk, 0, chunk.length);
            if (n <= 0) {
                eof = true;
                pos = limit = 0;
                return false;
            }
            pos = 0;
            limit = n;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 1-based number of the line last returned. */
    public long number() {
        return number;
    }

    static String decode(byte[] bytes, int offset, int length, boolean nonAscii) {
        if (!nonAscii) {
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, offset, length)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
