package io.golive.checklist;

import static java.util.Objects.requireNonNull;

import io.golive.InputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Turns the bytes of a checklist file into its text: strict UTF-8, BOM dropped, binaries refused, mojibake repaired. */
public final class TextDecoder {
    /** A file with more than this share of control bytes (other than tab, line ends, form feed, escape) is binary. */
    private static final double MAX_CONTROL_SHARE = 0.10;

    private static final char BOM = '\uFEFF';

    private TextDecoder() {}

    /** Reads and decodes a file; a file that cannot be read is an {@link InputException} naming it. */
    public static String read(Path file) {
        requireNonNull(file, "null file");
        try {
            return decode(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * The text of a file's bytes, with its mojibake repaired. Throws an {@link InputException} naming
     * {@code fileName} (and the line of the first bad byte) for a binary file or bytes that are not UTF-8.
     */
    public static String decode(byte[] bytes, String fileName) {
        requireNonNull(bytes, "null bytes");
        requireNonNull(fileName, "null fileName");
        int start = hasUtf8Bom(bytes) ? 3 : 0;
        rejectUtf16(bytes, fileName);
        rejectBinary(bytes, start, fileName);
        String text = MojibakeRepair.repair(decodeUtf8(bytes, start, fileName));
        // A BOM that was itself mojibake (ï»¿) only shows up once repaired.
        return !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
    }

    private static boolean hasUtf8Bom(byte[] b) {
        return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
    }

    private static void rejectUtf16(byte[] b, String fileName) {
        boolean bom = b.length >= 2
                && ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE || (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF);
        if (bom) {
            throw new InputException(fileName + ": UTF-16 text, not UTF-8; save it as UTF-8");
        }
    }

    private static void rejectBinary(byte[] b, int start, String fileName) {
        int controls = 0;
        for (int i = start; i < b.length; i++) {
            if (b[i] == 0) {
                throw binary(fileName);
            }
            controls += isControl(b[i]) ? 1 : 0;
        }
        if (controls > MAX_CONTROL_SHARE * (b.length - start)) {
            throw binary(fileName);
        }
    }

    private static InputException binary(String fileName) {
        return new InputException(fileName + ": binary file, not a Markdown checklist");
    }

    private static boolean isControl(byte b) {
        boolean text = b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == 0x1B;
        return (b >= 0 && b < 0x20 && !text) || b == 0x7F;
    }

    private static String decodeUtf8(byte[] bytes, int start, String fileName) {
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(in)
                    .toString();
        } catch (CharacterCodingException e) {
            // The decoder stops with the buffer at the first byte it could not take.
            throw notUtf8(bytes, start, in.position(), fileName);
        }
    }

    private static InputException notUtf8(byte[] bytes, int start, int bad, String fileName) {
        int lineStart = start;
        int line = 1;
        for (int i = start; i < bad; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        String prefix = new String(bytes, lineStart, bad - lineStart, StandardCharsets.UTF_8);
        int column = prefix.codePointCount(0, prefix.length()) + 1;
        String detail = String.format("not valid UTF-8 text (byte 0x%02X at column %d)", bytes[bad] & 0xFF, column);
        return InputException.at(fileName, line, detail);
    }
}
