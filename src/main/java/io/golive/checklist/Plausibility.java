package io.golive.checklist;

import static java.lang.Character.UnicodeScript.COMMON;
import static java.lang.Character.UnicodeScript.INHERITED;
import static java.lang.Character.UnicodeScript.LATIN;

import java.lang.Character.UnicodeScript;
import java.util.Set;

/** Judges whether a character read back from supposed mojibake is one that real text would hold. */
final class Plausibility {
    private static final int ZWJ = 0x200D;
    private static final int VS16 = 0xFE0F;

    /**
     * Letters of living alphabets that take two bytes, as inclusive ranges: modern Greek, Cyrillic (with
     * Ukrainian ґ), Hebrew, Arabic (with the Persian letters). The rest of the two-byte range (IPA,
     * combining marks, historic letters) is what good text read as mojibake by accident gives.
     */
    private static final int[][] TWO_BYTE_LETTERS = {
        {0x386, 0x3CE},
        {0x400, 0x45F},
        {0x490, 0x491},
        {0x5D0, 0x5EA},
        {0x620, 0x64A},
        {0x67E, 0x67E},
        {0x686, 0x686},
        {0x698, 0x698},
        {0x6A9, 0x6A9},
        {0x6AF, 0x6AF},
        {0x6CC, 0x6CC}
    };

    /** Latin Extended-B letters in use (florin, Vietnamese, Romanian); the rest look like accidents. */
    private static final Set<Integer> EXTENDED_B =
            Set.of(0x192, 0x1A0, 0x1A1, 0x1AF, 0x1B0, 0x218, 0x219, 0x21A, 0x21B);

    /**
     * Characters common in checklists that a dropped byte can turn into something else; each is as
     * likely as an emoji, so that a guess between {@code ●} and {@code ❗} is no guess at all.
     */
    private static final Set<Integer> FREQUENT = Set.of(
            0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2026, // typography
            0x2190, 0x21D0, 0x25CF, 0x2610, // ← ⇐ ● ☐
            0x2501, 0x250F, 0x2510, 0x2550, 0x255D); // box drawing

    private Plausibility() {}

    /**
     * Whether {@code cp}, read from a complete sequence of {@code length} bytes whose first byte was
     * read as {@code lead}, is plausible text; C1 controls only when {@code allowControls}, as steps
     * out of double mojibake.
     */
    static boolean plausible(int cp, int length, char lead, boolean allowControls) {
        if (length == 2) {
            if (isC1Control(cp)) {
                return allowControls;
            }
            // Characters of the two charsets themselves (ˆ, ˜, Œ) are steps out of double mojibake.
            return cp >= 0xA0 && cp <= 0x17F
                    || LegacyCharset.isCandidate((char) cp)
                    || isTwoByteLetter(cp)
                    || isExtendedB(cp, lead);
        }
        int type = Character.getType(cp);
        // U+F8FF is Mac Roman's 0xF0, the first byte of every emoji: a step out of double mojibake.
        return type != Character.UNASSIGNED
                && type != Character.CONTROL
                && (type != Character.PRIVATE_USE || cp == 0xF8FF)
                && type != Character.SURROGATE;
    }

    /** A C1 control: never text, but a lenient reader's stand-in for a byte Windows-1252 lacks. */
    static boolean isC1Control(int c) {
        return c >= 0x80 && c <= 0x9F;
    }

    private static boolean isTwoByteLetter(int cp) {
        for (int[] range : TWO_BYTE_LETTERS) {
            if (cp >= range[0] && cp <= range[1]) {
                return Character.isLetter(cp);
            }
        }
        return false;
    }

    /**
     * One of {@link #EXTENDED_B}, unless the mojibake starts with punctuation: punctuation before a letter
     * is ordinary text, and German {@code »öffentlich«} read as Mac Roman would give {@code Ț}.
     */
    private static boolean isExtendedB(int cp, char lead) {
        return EXTENDED_B.contains(cp) && !isPunctuation(lead);
    }

    private static boolean isPunctuation(int c) {
        return switch (Character.getType(c)) {
            case Character.DASH_PUNCTUATION,
                    Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    /**
     * Whether a run that yields the single character {@code cp} between {@code before} and {@code after}
     * is more likely good text: a character of another script glued to a Latin letter. Mojibake of
     * those scripts comes in whole words, while French {@code été »} (with a no-break space) read as
     * Windows-1252 would give {@code ét頻}, and {@code “één”} read as Mac Roman a Cyrillic letter.
     */
    static boolean isLoneForeignCharacter(int cp, int before, int after) {
        UnicodeScript script = UnicodeScript.of(cp);
        boolean foreign = script != LATIN && script != COMMON && script != INHERITED;
        return foreign && (isLatinLetter(before) || isLatinLetter(after));
    }

    private static boolean isLatinLetter(int cp) {
        return cp >= 0 && Character.isLetter(cp) && UnicodeScript.of(cp) == LATIN;
    }

    /**
     * How likely {@code cp} is as the character of a sequence that lost one byte: 0 never, higher
     * more likely. {@code nextByte} is the byte after the damaged sequence, -1 at the end of the run.
     */
    static int lostByteRank(int cp, int before, int nextByte) {
        if (cp == ZWJ) {
            // Only between two emoji (👨‍💻); elsewhere ” (E2 80 9D) is what lost its last byte.
            return isEmoji(before) && Utf8.sequenceLength(nextByte) > 0 ? 4 : 0;
        }
        if (cp == VS16) {
            return isEmoji(before) ? 4 : 0;
        }
        if (Character.isEmojiPresentation(cp) || FREQUENT.contains(cp)) {
            return 3;
        }
        if (Character.isExtendedPictographic(cp)) {
            return 2;
        }
        return isSymbol(cp) && inSymbolBlocks(cp) ? 1 : 0;
    }

    /** Punctuation, arrows, math, technical, shapes and dingbats (but not Braille), and the emoji planes. */
    private static boolean inSymbolBlocks(int cp) {
        return cp >= 0x2000 && cp < 0x2800 || cp >= 0x2900 && cp < 0x2C00 || cp >= 0x1F000;
    }

    private static boolean isEmoji(int cp) {
        return cp >= 0 && (Character.isExtendedPictographic(cp) || Character.isEmojiModifier(cp) || cp == VS16);
    }

    private static boolean isSymbol(int cp) {
        int type = Character.getType(cp);
        return type == Character.MATH_SYMBOL
                || type == Character.CURRENCY_SYMBOL
                || type == Character.OTHER_SYMBOL
                || isPunctuation(cp);
    }
}
