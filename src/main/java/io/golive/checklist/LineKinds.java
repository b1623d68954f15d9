package io.golive.checklist;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises the block-level shape of one Markdown line. */
final class LineKinds {
    static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$");
    static final Pattern LIST_ITEM = Pattern.compile("^([-*+]|\\d{1,9}[.)])(?:[ \\t]+(.*)|[ \\t]*)$");
    static final Pattern TASK_BOX = Pattern.compile("^\\[([ xX!])\\](?:[ \\t]+(.*)|[ \\t]*)$");
    static final Pattern FENCE = Pattern.compile("^(`{3,}|~{3,})");
    static final Pattern SETEXT = Pattern.compile("^(=+|-+)[ \\t]*$");
    static final Pattern BOLD_KEY = Pattern.compile("^\\*\\*([^*]{1,80}?):?\\*\\*:?[ \\t]*(.*)$");
    static final Pattern KEY_VALUE = Pattern.compile("^([A-Za-z][\\w .\\-/]{0,60}):[ \\t]+(.*)$");

    private LineKinds() {}

    /** The column of the first non-blank character, tabs counting to the next multiple of 4. */
    static int indent(String line) {
        int col = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ') {
                col++;
            } else if (c == '\t') {
                col += 4 - (col % 4);
            } else {
                return col;
            }
        }
        return col;
    }

    /**
     * {@code ---}, {@code ***} or {@code ___}, spaces allowed between. Written by hand: a regex with a
     * repeated group recurses once per character and overflows the stack on a long line.
     */
    static boolean isThematicBreak(String body) {
        if (body.isEmpty() || "-*_".indexOf(body.charAt(0)) < 0) {
            return false;
        }
        char mark = body.charAt(0);
        int count = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == mark) {
                count++;
            } else if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return count >= 3;
    }

    /** A table's delimiter row, {@code |---|:--:|}; by hand for the same reason. */
    static boolean isDelimiterRow(String body) {
        boolean dash = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '-') {
                dash = true;
            } else if (c != '|' && c != ':' && c != ' ' && c != '\t') {
                return false;
            }
        }
        return dash;
    }

    static Matcher match(Pattern p, String s) {
        Matcher m = p.matcher(s);
        return m.matches() ? m : null;
    }

    /** The status an emoji at the start of an item's text gives it, or null when there is none. */
    static ItemState emojiState(String text) {
        if (text.isEmpty()) {
            return null;
        }
        int cp = text.codePointAt(0);
        return switch (cp) {
            case 0x2705, 0x2611, 0x2714, 0x2713 -> ItemState.DONE; // ✅ ☑ ✔ ✓
            case 0x2B1C, 0x2610, 0x25FB, 0x1F532, 0x274C, 0x25A1 -> ItemState.OPEN; // ⬜ ☐ ◻ 🔲 ❌ □
            case 0x1F6A7, 0x23F3, 0x1F504 -> ItemState.IN_PROGRESS; // 🚧 ⏳ 🔄
            default -> null;
        };
    }

    /** The text after a leading status emoji (and its variation selector). */
    static String afterEmoji(String text) {
        int i = Character.charCount(text.codePointAt(0));
        while (i < text.length() && (text.charAt(i) == '\uFE0F' || text.charAt(i) == ' ')) {
            i++;
        }
        return text.substring(i);
    }
}
