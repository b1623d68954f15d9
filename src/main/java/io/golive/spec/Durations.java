package io.golive.spec;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as the spec writes them: {@code 500ms}, {@code 10s}, {@code 5m}, {@code 4h}, {@code 7d}. */
public final class Durations {
    private static final Pattern FORM = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min|h|d)\\s*");

    private Durations() {}

    /** Parses a duration; throws {@link IllegalArgumentException} naming the accepted forms. */
    public static Duration parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("bad duration '" + text + "' (write it like 500ms, 10s, 5m, 4h or 7d)");
        }
        double n = Double.parseDouble(m.group(1));
        double millis = switch (m.group(2)) {
            case "ms" -> n;
            case "s" -> n * 1_000;
            case "m", "min" -> n * 60_000;
            case "h" -> n * 3_600_000;
            default -> n * 86_400_000;
        };
        return Duration.ofMillis(Math.round(millis));
    }

    /** The shortest spec form of a duration. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 86_400_000 == 0 && ms > 0) return ms / 86_400_000 + "d";
        if (ms % 3_600_000 == 0 && ms > 0) return ms / 3_600_000 + "h";
        if (ms % 60_000 == 0 && ms > 0) return ms / 60_000 + "m";
        if (ms % 1_000 == 0 && ms > 0) return ms / 1_000 + "s";
        return ms + "ms";
    }
}
