package io.golive.checklist;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the name of what a threshold measures in the words around it. */
final class MetricNames {
    private static final Pattern TRAILING_PERCENTILE =
            Pattern.compile("^\\s*\\((p\\d{2}(?:\\.\\d+)?)\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ACRONYM_IN_PARENS = Pattern.compile("\\(([A-Z][A-Z0-9]{1,6})\\)\\s*$");
    private static final Set<String> LEADING = Set.of(
            "if",
            "when",
            "verify",
            "ensure",
            "check",
            "measure",
            "target",
            "test",
            "with",
            "hourly",
            "daily",
            "weekly",
            "the",
            "all",
            "and",
            "a",
            "an",
            "load test",
            "is",
            "are");
    private static final Set<String> TRAILING = Set.of(
            "checks",
            "check",
            "alerts",
            "alert",
            "monitoring",
            "defined",
            "verified",
            "met",
            "is",
            "are",
            "must",
            "be",
            "should",
            "completed",
            "passed",
            "passing",
            "of",
            "to",
            "target",
            "at",
            "with",
            "sla",
            "during",
            "in",
            "for");
    private static final int MAX_WORDS = 4;
    private static final int WINDOW = 160;

    private MetricNames() {}

    /** The metric named before the threshold, else after it, else before its enclosing parenthesis or colon. */
    static Optional<String> around(String text, int start, int end) {
        // Names are short: look at a window around the threshold, so a hostile long line stays linear.
        int from = Math.max(0, start - WINDOW);
        int to = Math.min(text.length(), end + WINDOW);
        return inWindow(text.substring(from, to), start - from, end - from);
    }

    private static Optional<String> inWindow(String text, int start, int end) {
        Matcher p = TRAILING_PERCENTILE.matcher(text.substring(end, Math.min(text.length(), end + 12)));
        if (p.find()) {
            return Optional.of(p.group(1));
        }
        int clauseStart = boundaryBefore(text, start);
        Optional<String> before = clean(text.substring(clauseStart, start), true);
        if (before.isPresent()) {
            return before;
        }
        int clauseEnd = boundaryAfter(text, end);
        Optional<String> after = clean(text.substring(end, clauseEnd), false);
        if (after.isPresent()) {
            return after;
        }
        int at = clauseStart;
        for (int level = 0; level < 2 && at > 0; level++) {
            String enclosing = text.substring(0, at - 1);
            Matcher acronym = ACRONYM_IN_PARENS.matcher(enclosing);
            if (acronym.find()) {
                return Optional.of(acronym.group(1));
            }
            int from = boundaryBefore(enclosing, enclosing.length());
            Optional<String> name = clean(enclosing.substring(from), true);
            if (name.isPresent()) {
                return name;
            }
            at = from;
        }
        return Optional.empty();
    }

    private static int boundaryBefore(String text, int pos) {
        for (int i = pos - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == '(' || c == ',' || c == ';' || c == ':' || c == '|' || c == '[') {
                return i + 1;
            }
        }
        return 0;
    }

    private static int boundaryAfter(String text, int pos) {
        for (int i = pos; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ')' || c == ',' || c == ';' || c == ':' || c == '|' || c == '(' || c == ']') {
                return i;
            }
        }
        return text.length();
    }

    /** Trims filler words; keeps the words nearest the threshold (the last ones before, the first after). */
    private static Optional<String> clean(String segment, boolean before) {
        String s = segment.replace("*", "").replace("`", "").strip();
        if (s.isEmpty() || s.length() > 200) {
            return Optional.empty();
        }
        String[] words = s.split("\\s+");
        int from = 0;
        int to = words.length;
        while (from < to && isFiller(words[from], LEADING)) {
            from++;
        }
        while (to > from && isFiller(words[to - 1], TRAILING)) {
            to--;
        }
        if (from >= to) {
            return Optional.empty();
        }
        String[] kept = before
                ? Arrays.copyOfRange(words, Math.max(from, to - MAX_WORDS), to)
                : Arrays.copyOfRange(words, from, Math.min(to, from + MAX_WORDS));
        String name = String.join(" ", kept).replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}%)]+$", "");
        return name.isEmpty() || !name.chars().anyMatch(Character::isLetter) ? Optional.empty() : Optional.of(name);
    }

    private static boolean isFiller(String word, Set<String> fillers) {
        String w = word.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}-]", "");
        return w.isEmpty() || fillers.contains(w);
    }
}
