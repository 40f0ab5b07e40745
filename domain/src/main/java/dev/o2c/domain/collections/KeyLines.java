package dev.o2c.domain.collections;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Text keys, each with two longs (a line number and a tag), in little memory: a file's natural
 * keys with the line that gave each first, or the ids a load looks references up in. The keys'
 * bytes sit one after another in one array (UTF-8; an ERP id is nearly always ASCII, one byte a
 * character) and an open-addressing table of ints points at them, so a million keys of a dozen
 * characters take about 40 MB, where a HashMap of Strings to boxed values takes about 130 MB.
 * Exact: keys are compared byte for byte. Not thread-safe.
 */
public final class KeyLines {

    /** What {@link #putIfAbsent} returns for a key it has just added. */
    public static final int ADDED = -1;

    private byte[] bytes = new byte[1 << 16];
    private int used;
    /** Entry e's key is bytes[start[e] .. start[e + 1]). */
    private int[] start = new int[1025];
    private long[] lines = new long[1024];
    private long[] tags = new long[1024];
    private int[] hashes = new int[1024];
    private int size;
    /** Entry + 1 per slot, 0 for an empty slot; at most half full. */
    private int[] slots;

    public KeyLines(int expectedKeys) {
        slots = new int[Integer.highestOneBit(Math.max(16, expectedKeys) * 2 - 1) << 1];
    }

    public int size() {
        return size;
    }

    /**
     * Adds the key with its line and tag and returns {@link #ADDED}; or, when the key is there
     * already, changes nothing and returns its entry, for {@link #line} and {@link #tag}.
     */
    public int putIfAbsent(String key, long line, long tag) {
        byte[] encoded = ascii(key) ? null : key.getBytes(StandardCharsets.UTF_8);
        int hash = hash(key);
        int s = slot(key, encoded, hash);
        if (slots[s] != 0) {
            return slots[s] - 1;
        }
        slots[s] = add(key, encoded, hash, line, tag) + 1;
        if (size * 2 > slots.length) {
            rehash();
        }
        return ADDED;
    }

    /** Adds the key (line and tag 0) if it is not there. */
    public void add(String key) {
        putIfAbsent(key, 0, 0);
    }

    public boolean contains(String key) {
        return find(key) >= 0;
    }

    /** The key's entry, or -1. */
    public int find(String key) {
        byte[] encoded = ascii(key) ? null : key.getBytes(StandardCharsets.UTF_8);
        return slots[slot(key, encoded, hash(key))] - 1;
    }

    /** The key's slot, or the empty slot where it would go. */
    private int slot(String key, byte[] encoded, int hash) {
        int mask = slots.length - 1;
        for (int s = hash & mask; ; s = (s + 1) & mask) {
            int e = slots[s] - 1;
            if (e < 0 || hashes[e] == hash && same(e, key, encoded)) {
                return s;
            }
        }
    }

    public long line(int entry) {
        return lines[entry];
    }

    public long tag(int entry) {
        return tags[entry];
    }

    private int add(String key, byte[] encoded, int hash, long line, long tag) {
        int length = encoded == null ? key.length() : encoded.length;
        if (used + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, used + length));
        }
        if (encoded == null) {
            for (int i = 0; i < length; i++) {
                bytes[used + i] = (byte) key.charAt(i);
            }
        } else {
            System.arraycopy(encoded, 0, bytes, used, length);
        }
        if (size == lines.length) {
            int grown = size * 2;
            lines = Arrays.copyOf(lines, grown);
            tags = Arrays.copyOf(tags, grown);
            hashes = Arrays.copyOf(hashes, grown);
            start = Arrays.copyOf(start, grown + 1);
        }
        int e = size++;
        start[e] = used;
        used += length;
        start[e + 1] = used;
        lines[e] = line;
        tags[e] = tag;
        hashes[e] = hash;
        return e;
    }

    private boolean same(int e, String key, byte[] encoded) {
        int from = start[e];
        int length = start[e + 1] - from;
        if (encoded != null) {
            return Arrays.equals(bytes, from, from + length, encoded, 0, encoded.length);
        }
        if (length != key.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (bytes[from + i] != (byte) key.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void rehash() {
        int[] grown = new int[slots.length * 2];
        int mask = grown.length - 1;
        for (int e = 0; e < size; e++) {
            int s = hashes[e] & mask;
            while (grown[s] != 0) {
                s = (s + 1) & mask;
            }
            grown[s] = e + 1;
        }
        slots = grown;
    }

    private static boolean ascii(String key) {
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** String's hash, spread: ids that differ in their last digit must not fill neighbouring slots. */
    private static int hash(String key) {
        int h = key.hashCode() * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
