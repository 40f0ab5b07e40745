package dev.o2c.readers.bank;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The lines of a text file as banks write them: CR LF, LF or CR alone, with or without
 * a final line break. Each line is UTF-8 when it decodes as UTF-8, else ISO-8859-1 (the
 * bytes old German and Dutch systems write), so a stray byte never stops a statement.
 * A leading byte order mark is dropped. Streams; not thread-safe.
 */
public final class TextLines implements AutoCloseable {

    private final InputStream in;
    private final byte[] chunk = new byte[1 << 16];
    private int pos;
    private int limit;
    private byte[] line = new byte[256];
    private long number;
    private boolean eof;

    public TextLines(InputStream in) {
        this.in = in;
    }

    /** The next line without its line break, or null at the end. */
    public String next() {
        int length = 0;
        boolean any = false;
        while (true) {
            if (pos == limit) {
                if (!fill()) {
                    if (!any) {
                        return null;
                    }
                    break;
                }
            }
            byte b = chunk[pos++];
            any = true;
            if (b == '\n') {
                break;
            }
            if (b == '\r') {
                if (pos == limit) {
                    fill();
                }
                if (pos < limit && chunk[pos] == '\n') {
                    pos++;
                }
                break;
            }
            if (length == line.length) {
                line = java.util.Arrays.copyOf(line, length * 2);
            }
            line[length++] = b;
        }
        number++;
        String text = decode(line, length);
        return number == 1 && text.startsWith("\uFEFF") ? text.substring(1) : text;
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

    static String decode(byte[] bytes, int length) {
        boolean ascii = true;
        for (int i = 0; i < length; i++) {
            if (bytes[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, length)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
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
