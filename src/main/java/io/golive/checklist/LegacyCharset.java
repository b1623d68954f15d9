package io.golive.checklist;

import java.nio.charset.Charset;
import java.util.stream.IntStream;

/** A single-byte charset that UTF-8 text is often misread as, with the way back from its characters to bytes. */
enum LegacyCharset {
    WINDOWS_1252("windows-1252"),
    MAC_ROMAN("x-MacRoman");

    private static final byte NONE = 0;

    /** Indexed by char: the byte (0x80-0xFF) the charset decodes to that char, or {@link #NONE}. */
    private final byte[] byteOf = new byte[Character.MAX_VALUE + 1];

    private final int[] undefinedBytes;

    LegacyCharset(String name) {
        Charset charset = Charset.forName(name);
        undefinedBytes = IntStream.rangeClosed(0x80, 0xFF)
                .filter(b -> decode(charset, b) == '\uFFFD')
                .toArray();
        IntStream.rangeClosed(0x80, 0xFF).forEach(b -> byteOf[decode(charset, b)] = (byte) b);
        byteOf['\uFFFD'] = NONE;
        if (undefinedBytes.length > 0) {
            // Lenient readers (browsers, ISO-8859-1) leave C1 controls where this charset has holes
            // or punctuation; real text never holds them, so reading them back as bytes is safe.
            IntStream.rangeClosed(0x80, 0x9F).forEach(c -> byteOf[c] = (byte) c);
        }
    }

    private static char decode(Charset charset, int b) {
        return new String(new byte[] {(byte) b}, charset).charAt(0);
    }

    /** The byte (0x80-0xFF) this charset decodes to {@code c}, or -1 when it has none. */
    int byteOf(char c) {
        byte b = byteOf[c];
        return b == NONE ? -1 : b & 0xFF;
    }

    /**
     * The bytes a strict decoder of this charset drops for want of a character; a mojibake sequence
     * may lack one of them. Callers must not change the array.
     */
    int[] undefinedBytes() {
        return undefinedBytes;
    }

    /** Whether {@code c} is an upper-half character of either charset, so possibly mojibake. */
    static boolean isCandidate(char c) {
        return c >= 0x80 && (WINDOWS_1252.byteOf[c] != NONE || MAC_ROMAN.byteOf[c] != NONE);
    }
}
