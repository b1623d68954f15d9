package io.golive.checklist;

import java.util.Arrays;

/**
 * Reads one run of possible mojibake back into the UTF-8 bytes it came from in one legacy charset and
 * decodes them sequence by sequence, keeping each character that is not part of a plausible sequence.
 */
final class RunDecoder {
    private static final int NO_BYTE = -1;

    private final LegacyCharset charset;
    private final StringBuilder out = new StringBuilder();
    private final int[] guess = new int[4];
    private int[] bytes = new int[32];
    private int length;
    private int sequences;
    private boolean allowControls;
    private int lastRepaired;

    RunDecoder(LegacyCharset charset) {
        this.charset = charset;
    }

    /**
     * Decodes {@code text[start, end)}, where {@code before} and {@code after} are the code points around
     * it (-1 for none), and returns how many of its chars went into repaired characters. C1 controls
     * come out only when {@code allowControls}.
     */
    int decode(CharSequence text, int start, int end, int before, int after, boolean allowControls) {
        this.allowControls = allowControls;
        load(text, start, end);
        out.setLength(0);
        sequences = 0;
        int repaired = 0;
        int i = 0;
        while (i < length) {
            int prev = out.isEmpty() ? before : Character.codePointBefore(out, out.length());
            int used = repairAt(text, start, i, prev);
            if (used == 0) {
                out.append(text.charAt(start + i));
                used = 1;
            } else {
                repaired += used;
            }
            i += used;
        }
        if (sequences == 1 && Plausibility.isLoneForeignCharacter(lastRepaired, before, after)) {
            out.setLength(0);
            out.append(text, start, end);
            return 0;
        }
        return repaired;
    }

    /** The text of the last {@link #decode} call. */
    CharSequence output() {
        return out;
    }

    private void load(CharSequence text, int start, int end) {
        length = end - start;
        if (bytes.length < length) {
            bytes = Arrays.copyOf(bytes, Math.max(length, bytes.length * 2));
        }
        for (int k = 0; k < length; k++) {
            bytes[k] = charset.byteOf(text.charAt(start + k));
        }
    }

    /** Appends the character of the sequence at byte {@code i} and returns the chars it used, or 0. */
    private int repairAt(CharSequence text, int start, int i, int prev) {
        int size = Utf8.sequenceLength(bytes[i]);
        if (size == 0) {
            return 0;
        }
        if (i + size <= length) {
            int cp = Utf8.decode(bytes, i, size);
            if (cp != Utf8.INVALID) {
                return Plausibility.plausible(cp, size, text.charAt(start + i), allowControls) ? append(cp, size) : 0;
            }
        }
        return size >= 3 && lostOneByte(i, size) ? guessLostByte(i, size, prev) : 0;
    }

    /** Whether the sequence at {@code i} has all its bytes but one, as when a strict decoder dropped one. */
    private boolean lostOneByte(int i, int size) {
        int last = i + size - 1;
        for (int k = i + 1; k < last; k++) {
            if (k >= length || !Utf8.isContinuation(bytes[k])) {
                return false;
            }
        }
        return last >= length || !Utf8.isContinuation(bytes[last]);
    }

    /** Puts back the one dropped byte that gives the single most plausible character, if there is one. */
    private int guessLostByte(int i, int size, int prev) {
        int next = i + size - 1 < length ? bytes[i + size - 1] : NO_BYTE;
        int best = Utf8.INVALID;
        int bestRank = 0;
        boolean tie = false;
        for (int at = 1; at < size; at++) {
            for (int lost : charset.undefinedBytes()) {
                int cp = decodeWith(i, size, at, lost);
                int rank = cp == Utf8.INVALID ? 0 : Plausibility.lostByteRank(cp, prev, next);
                if (rank > bestRank) {
                    best = cp;
                    bestRank = rank;
                    tie = false;
                } else if (rank == bestRank && rank > 0) {
                    tie = true;
                }
            }
        }
        return best == Utf8.INVALID || tie ? 0 : append(best, size - 1);
    }

    /** Decodes the {@code size - 1} bytes at {@code i} with {@code lost} put back at offset {@code at}. */
    private int decodeWith(int i, int size, int at, int lost) {
        for (int k = 0, from = i; k < size; k++) {
            guess[k] = k == at ? lost : bytes[from++];
        }
        return Utf8.decode(guess, 0, size);
    }

    private int append(int cp, int used) {
        out.appendCodePoint(cp);
        sequences++;
        lastRepaired = cp;
        return used;
    }
}
