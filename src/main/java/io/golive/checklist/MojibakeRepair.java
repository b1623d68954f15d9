package io.golive.checklist;

import static java.util.Objects.requireNonNull;

/**
 * Repairs text that was UTF-8 once and was decoded as Windows-1252 or Mac Roman and saved again.
 *
 * <p>It works run by run: each maximal run of characters from the upper half of either charset is
 * turned back into bytes with each charset, and every complete UTF-8 sequence in those bytes that
 * decodes to a plausible character replaces the characters it came from. The charset that repairs
 * more of the run wins; on a tie, the one that alone repairs more runs of the whole text. Windows-1252
 * has no characters for 0x81, 0x8D, 0x8F, 0x90 and 0x9D, and strict decoders drop them: a 3- or 4-byte
 * sequence short of exactly one byte gets it back when a single one of those bytes, put back at one
 * place, gives the most likely character (an emoji before a rarer symbol, {@code ⏳} for {@code â³}).
 * What cannot be repaired, such as a fragment that more than one character fits, is kept as it is:
 * readable, and never replaced by U+FFFD or dropped. Text encoded twice is repaired up to three times
 * while a run keeps shrinking.
 */
public final class MojibakeRepair {
    private static final int MAX_ROUNDS = 3;

    private final CharSequence text;
    private final RunDecoder windows1252 = new RunDecoder(LegacyCharset.WINDOWS_1252);
    private final RunDecoder macRoman = new RunDecoder(LegacyCharset.MAC_ROMAN);
    private LegacyCharset preferred;

    private MojibakeRepair(CharSequence text) {
        this.text = text;
    }

    /**
     * The repaired text; text that is not mojibake comes back unchanged (the same instance). Works on a
     * line or on a whole file alike, in time linear in its length.
     */
    public static String repair(String text) {
        requireNonNull(text, "null text");
        if (nextRun(text, 0) < 0) {
            return text;
        }
        String repaired = new MojibakeRepair(text).repairRuns(text, -1, -1, 1);
        return repaired == null ? text : repaired;
    }

    /** Repairs each run of {@code s}; null when none changed. */
    private String repairRuns(CharSequence s, int before, int after, int round) {
        StringBuilder out = null;
        int copied = 0;
        int start = nextRun(s, 0);
        while (start >= 0) {
            int end = runEnd(s, start);
            CharSequence fixed = end - start < 2 ? null : repairRun(s, start, end, before, after, round);
            if (fixed != null) {
                out = out == null ? new StringBuilder(s.length()) : out;
                out.append(s, copied, start).append(fixed);
                copied = end;
            }
            start = nextRun(s, end);
        }
        return out == null ? null : out.append(s, copied, s.length()).toString();
    }

    /** The repaired run, or null; valid until the next decoding. */
    private CharSequence repairRun(CharSequence s, int start, int end, int outerBefore, int outerAfter, int round) {
        int before = codePointBefore(s, start, outerBefore);
        int after = codePointAfter(s, end, outerAfter);
        CharSequence fixed = decodeRun(s, start, end, before, after, round, true);
        if (fixed != null && hasControl(fixed)) {
            // A C1 control is a step on the way out of double mojibake, never a result.
            String deeper = repairDeeper(fixed.toString(), before, after, round);
            if (deeper != null && !hasControl(deeper)) {
                return deeper;
            }
            fixed = decodeRun(s, start, end, before, after, round, false);
        }
        if (fixed == null || !hasCandidatePair(fixed)) {
            return fixed;
        }
        String once = fixed.toString();
        String again = repairDeeper(once, before, after, round);
        return again != null ? again : once;
    }

    /** The run repaired once more, when rounds are left and it shrinks; else null. */
    private String repairDeeper(String run, int before, int after, int round) {
        if (round == MAX_ROUNDS) {
            return null;
        }
        String again = repairRuns(run, before, after, round + 1);
        return again != null && again.length() < run.length() ? again : null;
    }

    /**
     * The run decoded with the better charset, or null when neither repairs anything (after the first
     * round, when neither repairs all of it: double mojibake comes back whole).
     */
    private CharSequence decodeRun(
            CharSequence s, int start, int end, int before, int after, int round, boolean allowControls) {
        int size = end - start;
        int byWindows = windows1252.decode(s, start, end, before, after, allowControls);
        int byMac = macRoman.decode(s, start, end, before, after, allowControls);
        if (round > 1) {
            byWindows = byWindows == size ? size : 0;
            byMac = byMac == size ? size : 0;
        }
        if (byWindows == 0 && byMac == 0) {
            return null;
        }
        boolean mac = byMac > byWindows || byMac == byWindows && preferred() == LegacyCharset.MAC_ROMAN;
        return (mac ? macRoman : windows1252).output();
    }

    /** The charset that alone repairs more runs of the whole text; Windows-1252 when even. */
    private LegacyCharset preferred() {
        if (preferred == null) {
            RunDecoder windows = new RunDecoder(LegacyCharset.WINDOWS_1252);
            RunDecoder mac = new RunDecoder(LegacyCharset.MAC_ROMAN);
            int balance = 0;
            int start = nextRun(text, 0);
            while (start >= 0) {
                int end = runEnd(text, start);
                int before = codePointBefore(text, start, -1);
                int after = codePointAfter(text, end, -1);
                balance += Integer.signum(windows.decode(text, start, end, before, after, false))
                        - Integer.signum(mac.decode(text, start, end, before, after, false));
                start = nextRun(text, end);
            }
            preferred = balance < 0 ? LegacyCharset.MAC_ROMAN : LegacyCharset.WINDOWS_1252;
        }
        return preferred;
    }

    private static int codePointBefore(CharSequence s, int start, int outside) {
        return start > 0 ? Character.codePointBefore(s, start) : outside;
    }

    private static int codePointAfter(CharSequence s, int end, int outside) {
        return end < s.length() ? Character.codePointAt(s, end) : outside;
    }

    private static boolean hasControl(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if (Plausibility.isC1Control(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasCandidatePair(CharSequence s) {
        for (int i = 1; i < s.length(); i++) {
            if (LegacyCharset.isCandidate(s.charAt(i)) && LegacyCharset.isCandidate(s.charAt(i - 1))) {
                return true;
            }
        }
        return false;
    }

    private static int nextRun(CharSequence s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (LegacyCharset.isCandidate(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static int runEnd(CharSequence s, int start) {
        int end = start + 1;
        while (end < s.length() && LegacyCharset.isCandidate(s.charAt(end))) {
            end++;
        }
        return end;
    }
}
