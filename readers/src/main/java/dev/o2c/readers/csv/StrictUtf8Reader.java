package dev.o2c.readers.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 and refuses anything else, handing out every character before the first
 * bad byte and failing only on the read after, so that the caller can tell the line the
 * bad byte stands on. ({@code InputStreamReader} drops the good characters of the batch
 * in which it meets the bad one.) Not thread-safe.
 */
final class StrictUtf8Reader extends Reader {

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
    private boolean eof;
    private boolean flushed;
    private CharacterCodingException error;

    StrictUtf8Reader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (error != null) {
            throw error;
        }
        if (flushed) {
            return -1;
        }
        CharBuffer out = CharBuffer.wrap(cbuf, off, len);
        while (true) {
            CoderResult result = decoder.decode(bytes, out, eof);
            int produced = out.position() - off;
            if (result.isError()) {
                error = new MalformedInputException(result.length());
                if (produced > 0) {
                    return produced;
                }
                throw error;
            }
            if (produced > 0) {
                return produced;
            }
            if (eof) {
                if (!flushed) {
                    flushed = true;
                    decoder.flush(out);
                    produced = out.position() - off;
                    if (produced > 0) {
                        return produced;
                    }
                }
                return -1;
            }
            bytes.compact();
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (n < 0) {
                eof = true;
            } else {
                bytes.position(bytes.position() + n);
            }
            bytes.flip();
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
