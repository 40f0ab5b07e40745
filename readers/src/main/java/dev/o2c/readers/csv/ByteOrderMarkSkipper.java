package dev.o2c.readers.csv;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;

/** Drops a leading U+FEFF: Excel and many ERPs write one before UTF-8 text. */
final class ByteOrderMarkSkipper extends PushbackReader {

    private boolean checked;

    ByteOrderMarkSkipper(Reader in) {
        super(in, 1);
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        if (!checked) {
            checked = true;
            int first = super.read();
            if (first == -1) {
                return -1;
            }
            if (first != '\uFEFF') {
                unread(first);
            }
        }
        return super.read(buf, off, len);
    }

    @Override
    public int read() throws IOException {
        char[] one = new char[1];
        int n = read(one, 0, 1);
        return n == -1 ? -1 : one[0];
    }
}
