package dev.o2c.domain.collections;

/**
 * The six-bit codes {@link IdNumbers} and {@link ShortKeyMap} pack a key's characters into. No
 * character's code is 0, so packed keys of different lengths differ too.
 */
final class PackedChars {

    private PackedChars() {
    }

    /** 1 to 10 for digits, 11 to 36 capitals, 37 to 62 small letters, 63 the hyphen; 0 for any other character. */
    static int code(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0' + 1;
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 11;
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 37;
        }
        return c == '-' ? 63 : 0;
    }
}
