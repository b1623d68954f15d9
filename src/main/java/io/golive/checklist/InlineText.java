package io.golive.checklist;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reduces a line of Markdown inline text to what a person reads: no emphasis, links or comments. */
final class InlineText {
    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->");
    private static final Pattern IMAGE_OR_LINK =
            Pattern.compile("!?\\[([^\\]\\[]*)\\]\\([^)\\s]*(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern EMPHASIS = Pattern.compile("(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1");
    private static final Pattern SINGLE_EMPHASIS =
            Pattern.compile("(?<![\\w*])\\*(?=\\S)([^*]+?)(?<=\\S)\\*(?![\\w*])");
    private static final Pattern CODE = Pattern.compile("`+([^`]*)`+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private InlineText() {}

    /** Plain text of the inline Markdown, trimmed, inner whitespace collapsed, hard breaks removed. */
    static String plain(String markdown) {
        String s = markdown;
        if (s.indexOf("<!--") >= 0) {
            s = COMMENT.matcher(s).replaceAll("");
        }
        if (s.indexOf('`') >= 0) {
            s = CODE.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        }
        if (s.indexOf('[') >= 0) {
            s = IMAGE_OR_LINK.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        }
        if (s.indexOf('*') >= 0 || s.indexOf('_') >= 0) {
            s = EMPHASIS.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(2)));
            s = SINGLE_EMPHASIS.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        }
        if (s.endsWith("\\")) {
            s = s.substring(0, s.length() - 1); // a backslash hard line break
        }
        return SPACES.matcher(s.strip()).replaceAll(" ");
    }

    /** The text without leading emoji, symbols and punctuation that only decorate it. */
    static String withoutLeadingSymbols(String text) {
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (Character.isLetterOrDigit(cp)
                    || cp == '('
                    || cp == '['
                    || cp == '"'
                    || cp == '\''
                    || cp == '<'
                    || cp == '>'
                    || cp == '≥'
                    || cp == '≤'
                    || cp == '~'
                    || cp == '-' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1))) {
                break;
            }
            i += Character.charCount(cp);
        }
        return text.substring(i).strip();
    }
}
