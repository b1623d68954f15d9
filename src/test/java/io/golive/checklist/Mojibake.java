package io.golive.checklist;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Makes mojibake for tests: UTF-8 text read as a single-byte charset, the way an editor gets it wrong. */
final class Mojibake {
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    static final Charset MAC_ROMAN = Charset.forName("x-MacRoman");

    private Mojibake() {}

    /** Windows-1252 as a strict decoder reads it: the bytes it has no character for are lost. */
    static String windows1252Lossy(String text) {
        return read(text, WINDOWS_1252, false);
    }

    /** Windows-1252 as a browser reads it: the bytes it has no character for become C1 controls. */
    static String windows1252(String text) {
        return read(text, WINDOWS_1252, true);
    }

    static String macRoman(String text) {
        return read(text, MAC_ROMAN, true);
    }

    static String of(String text, Charset charset) {
        return read(text, charset, true);
    }

    private static String read(String text, Charset charset, boolean keepUndefined) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = new String(new byte[] {b}, charset).charAt(0);
            if (c != '\uFFFD') {
                out.append(c);
            } else if (keepUndefined) {
                out.append((char) (b & 0xFF));
            }
        }
        return out.toString();
    }
}
