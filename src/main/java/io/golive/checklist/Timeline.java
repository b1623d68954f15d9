package io.golive.checklist;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the phase, the offset from T-0 and the blocking flag that a heading's words give. */
final class Timeline {
    private static final Pattern T_OFFSET = Pattern.compile(
            "\\bT\\s*([+\\-−–])\\s*(\\d+)\\s*(minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern T_ZERO =
            Pattern.compile("\\bT\\s*[-−–]?\\s*0\\b|\\bday\\s*0\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DAY_OFFSET =
            Pattern.compile("\\bday\\s*([+\\-−–])\\s*(\\d+)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern FIRST_WINDOW = Pattern.compile(
            "\\bfirst\\s+(\\d+)\\s*(hours?|days?|weeks?)\\b|\\bfirst\\s+(hour|day|week|month)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ROLLBACK = Pattern.compile("\\broll[- ]?back\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern POST = Pattern.compile(
            "\\bpost[- ]?(launch|deploy\\w*|release|go[- ]?live|production)\\b|\\bafter\\s+(launch|go[- ]?live|release)\\b"
                    + "|\\bsuccess\\s+(metrics|criteria)\\b|\\bhyper[- ]?care\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PRE = Pattern.compile(
            "\\bpre[- ]?(launch|deploy\\w*|release|go[- ]?live|production|flight)\\b|\\bbefore\\s+(launch|go[- ]?live|release)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LAUNCH = Pattern.compile(
            "\\b(launch|go[- ]?live|deployment|release|cut[- ]?over)\\s+day\\b|\\blaunch\\s*\\(|\\bgo[- ]?live\\s*\\(day\\s*0\\)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NON_BLOCKING = Pattern.compile(
            "non[- ]?blocking|should[- ]?have|nice[- ]?to[- ]?have|could[- ]?have|\\boptional\\b|\\brecommended\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BLOCKING = Pattern.compile(
            "\\bblocking\\b|must[- ]?have|must\\s+complete|\\brequired\\b|\\bmandatory\\b|\\bcritical\\b",
            Pattern.CASE_INSENSITIVE);

    private Timeline() {}

    /** The offset from T-0 the text names, as an ISO-8601 duration. */
    static Optional<String> offset(String text) {
        Matcher t = T_OFFSET.matcher(text);
        if (t.find()) {
            return Optional.of(iso(t.group(1).equals("+") ? 1 : -1, Long.parseLong(t.group(2)), t.group(3)));
        }
        Matcher day = DAY_OFFSET.matcher(text);
        if (day.find()) {
            return Optional.of(iso(day.group(1).equals("+") ? 1 : -1, Long.parseLong(day.group(2)), "d"));
        }
        if (T_ZERO.matcher(text).find()) {
            return Optional.of("PT0S");
        }
        Matcher first = FIRST_WINDOW.matcher(text);
        if (first.find()) {
            return first.group(1) != null
                    ? Optional.of(iso(1, Long.parseLong(first.group(1)), first.group(2)))
                    : Optional.of(iso(1, 1, first.group(3)));
        }
        return Optional.empty();
    }

    /** The phase the heading names, given its offset, or its parent's when it names none. */
    static Phase phase(String text, Optional<String> offset, Phase parent) {
        if (ROLLBACK.matcher(text).find()) {
            return Phase.ROLLBACK;
        }
        if (offset.isPresent()) {
            String o = offset.get();
            return o.startsWith("-") ? Phase.PRE_LAUNCH : o.equals("PT0S") ? Phase.LAUNCH : Phase.POST_LAUNCH;
        }
        if (POST.matcher(text).find()) {
            return Phase.POST_LAUNCH;
        }
        if (PRE.matcher(text).find()) {
            return Phase.PRE_LAUNCH;
        }
        if (LAUNCH.matcher(text).find()) {
            return Phase.LAUNCH;
        }
        return parent;
    }

    /** Whether the heading says its items block the launch; empty when it does not say. */
    static Optional<Boolean> blocking(String text) {
        if (NON_BLOCKING.matcher(text).find()) {
            return Optional.of(false);
        }
        if (BLOCKING.matcher(text).find()) {
            return Optional.of(true);
        }
        return Optional.empty();
    }

    private static String iso(int sign, long n, String unit) {
        String u = unit.toLowerCase(Locale.ROOT);
        String minus = sign < 0 ? "-" : "";
        if (u.startsWith("m")) {
            return minus + (u.startsWith("mo") ? "P" + (30 * n) + "D" : "PT" + n + "M");
        }
        if (u.startsWith("h")) {
            return minus + "PT" + n + "H";
        }
        if (u.startsWith("w")) {
            return minus + "P" + (7 * n) + "D";
        }
        return minus + "P" + n + "D";
    }
}
