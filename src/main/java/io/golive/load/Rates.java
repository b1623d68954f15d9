package io.golive.load;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Request rates as people write them: {@code 1000/s}, {@code 1000}, {@code 600/m}, {@code 5/ms}. */
public final class Rates {
    private static final Pattern FORM =
            Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*(?:(?:req|requests)?\\s*/\\s*(ms|s|sec|m|min|h))?\\s*");

    private Rates() {}

    /** Parses a rate into requests per second; throws {@link IllegalArgumentException} naming the forms. */
    public static double parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("bad rate '" + text + "' (write it like 1000/s, 600/m or 1000)");
        }
        double n = Double.parseDouble(m.group(1));
        String per = m.group(2) == null ? "s" : m.group(2);
        return switch (per) {
            case "ms" -> n * 1_000;
            case "m", "min" -> n / 60;
            case "h" -> n / 3_600;
            default -> n;
        };
    }

    /** A rate with at most one decimal, without a needless ".0". */
    static String format(double perSecond) {
        if (perSecond == Math.rint(perSecond)) {
            return Long.toString((long) perSecond);
        }
        return String.format(Locale.ROOT, "%.1f", perSecond);
    }
}
