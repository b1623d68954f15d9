package io.golive.checklist;

/** The few facts about UTF-8 byte sequences that mojibake repair needs; bytes are ints, -1 for none. */
final class Utf8 {
    static final int INVALID = -1;

    private static final int[] SMALLEST = {0, 0, 0x80, 0x800, 0x10000};

    private Utf8() {}

    /** How many bytes a sequence starting with {@code lead} has, or 0 when it cannot start one. */
    static int sequenceLength(int lead) {
        if (lead >= 0xC2 && lead <= 0xDF) {
            return 2;
        }
        if (lead >= 0xE0 && lead <= 0xEF) {
            return 3;
        }
        return lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
    }

    static boolean isContinuation(int b) {
        return b >= 0x80 && b <= 0xBF;
    }

    /** The code point of the sequence in {@code bytes[from, from + length)}, or {@link #INVALID}. */
    static int decode(int[] bytes, int from, int length) {
        int cp = bytes[from] & (0xFF >> (length + 1));
        for (int k = 1; k < length; k++) {
            int b = bytes[from + k];
            if (!isContinuation(b)) {
                return INVALID;
            }
            cp = cp << 6 | (b & 0x3F);
        }
        boolean shortest = cp >= SMALLEST[length];
        boolean scalar = cp <= Character.MAX_CODE_POINT && (cp < 0xD800 || cp > 0xDFFF);
        return shortest && scalar ? cp : INVALID;
    }
}
