package dev.o2c.domain.collections;

import java.util.Arrays;

/**
 * Numbers ids 0, 1, 2, ... in the order they are first met: a map from id to number without
 * an object per id. Ids are kept by their hash, and the ids kept by number tell apart ids of
 * one hash (two or three places read, the numbered id's string among them). Made with
 * {@link #packing}, an id of at most ten letters, digits and hyphens (customer numbers nearly
 * always are: {@code C0001234}, {@code 0000104711}) is instead packed into one long, six bits a
 * character, which is its key: a lookup reads one place and never the numbered id's string.
 * Packing suits ids read from rows, a new string each, whose hash is not yet computed; hashing
 * suits ids looked up through the same strings again and again (a string keeps its hash, and an
 * id equals itself without reading its characters). Not thread-safe while ids are added.
 */
public final class IdNumbers {

    /** The longest id that is packed; six bits a character in a long. */
    private static final int MAX_PACKED = 10;

    private final int expected;
    private final boolean packs;
    /** Packed ids to their numbers; made when the first such id comes. */
    private LongMultiIndex byPacked;
    /** Other ids by hash; made when the first such id comes. */
    private LongMultiIndex byHash;
    private String[] ids;
    private int size;

    /** Ids kept by their hash. */
    public IdNumbers(int expected) {
        this(expected, false);
    }

    private IdNumbers(int expected, boolean packs) {
        this.expected = expected;
        this.packs = packs;
        ids = new String[Math.max(16, expected)];
    }

    /** Short ids packed into a long each, other ids kept by their hash (see the class comment for which suits). */
    public static IdNumbers packing(int expected) {
        return new IdNumbers(expected, true);
    }

    /** The id's number, the next one when the id is new. */
    public int number(String id) {
        int known = find(id);
        if (known >= 0) {
            return known;
        }
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
        }
        ids[size] = id;
        long packed = packs ? pack(id) : 0;
        if (packed != 0) {
            if (byPacked == null) {
                byPacked = new LongMultiIndex(expected);
            }
            byPacked.add(packed, size);
        } else {
            if (byHash == null) {
                byHash = new LongMultiIndex(expected);
            }
            byHash.add(id.hashCode(), size);
        }
        return size++;
    }

    /** The id's number, or -1 when it was never numbered (null included). */
    public int find(String id) {
        if (id == null) {
            return -1;
        }
        long packed = packs ? pack(id) : 0;
        if (packed != 0) {
            // a packed id is its own key: one number at most, no string to compare
            int e = byPacked == null ? LongMultiIndex.NONE : byPacked.first(packed);
            return e == LongMultiIndex.NONE ? -1 : byPacked.value(e);
        }
        if (byHash == null) {
            return -1;
        }
        for (int e = byHash.first(id.hashCode()); e != LongMultiIndex.NONE; e = byHash.nextEntry(e)) {
            int number = byHash.value(e);
            if (ids[number].equals(id)) {
                return number;
            }
        }
        return -1;
    }

    /** The id of the number. */
    public String id(int number) {
        if (number >= size) {
            throw new IndexOutOfBoundsException(number);
        }
        return ids[number];
    }

    /** How many ids are numbered. */
    public int size() {
        return size;
    }

    /**
     * The id in one long, six bits a character (codes 1 to 63: no character is 0, so ids of different lengths differ
     * too), or 0 when it is empty, longer than {@value #MAX_PACKED} or has another character.
     */
    static long pack(String id) {
        int n = id.length();
        if (n == 0 || n > MAX_PACKED) {
            return 0;
        }
        long packed = 0;
        for (int i = 0; i < n; i++) {
            int code = PackedChars.code(id.charAt(i));
            if (code == 0) {
                return 0;
            }
            packed = packed << 6 | code;
        }
        return packed;
    }
}
