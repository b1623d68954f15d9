package io.golive.checklist;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/** Canonical units of thresholds, how they are written, and conversions between them. */
public final class Units {
    private static final Map<String, Double> TIME_MS =
            Map.of("ms", 1.0, "s", 1_000.0, "min", 60_000.0, "h", 3_600_000.0, "d", 86_400_000.0);
    private static final Map<String, Double> BYTES =
            Map.of("B", 1.0, "KB", 1024.0, "MB", 1024.0 * 1024, "GB", 1024.0 * 1024 * 1024);

    /**
     * Time words of the threshold grammar beyond English: weeks and days, hours, minutes and seconds in
     * Dutch, German, Spanish and French ({@code ≥ 4 weken}, {@code 14 dagen}, {@code 2 Wochen}).
     */
    static final String WORDS = "weeks?\\b|wks?\\b|weken\\b|wochen\\b|woche\\b|semanas?\\b|semaines?\\b"
            + "|dagen\\b|dag\\b|tagen?\\b|tag\\b|d[íi]as?\\b|jours?\\b|uren\\b|uur\\b|stunden?\\b|horas?\\b"
            + "|heures?\\b|minuten\\b|minutos?\\b|seconden\\b|sekunden?\\b|segundos?\\b|secondes?\\b";

    private static final Set<String> WEEKS = Set.of(
            "week", "weeks", "wk", "wks", "weken", "woche", "wochen", "semana", "semanas", "semaine", "semaines");

    private Units() {}

    /** What a value written in this unit is multiplied by in its canonical unit: 7 for weeks (as days). */
    static double factor(String written) {
        return WEEKS.contains(written.strip().toLowerCase(Locale.ROOT)) ? 7 : 1;
    }

    /** The canonical unit for a unit as written ("seconds" is "s", "rps" is "req/s"), if it is one. */
    public static Optional<String> canonical(String written) {
        String u = written.strip().toLowerCase(Locale.ROOT);
        String c = switch (u) {
            case "%", "percent" -> "%";
            case "ms", "msec", "millisecond", "milliseconds" -> "ms";
            case "s", "sec", "secs", "second", "seconds", "seconden", "sekunde", "sekunden", "segundo", "segundos" ->
                "s";
            case "seconde", "secondes" -> "s";
            case "m", "min", "mins", "minute", "minutes", "minuten", "minuto", "minutos" -> "min";
            case "h", "hr", "hrs", "hour", "hours", "uur", "uren", "stunde", "stunden", "hora", "horas" -> "h";
            case "heure", "heures" -> "h";
            case "d", "day", "days", "dag", "dagen", "tag", "tage", "tagen", "dia", "dias", "día", "días" -> "d";
            case "jour", "jours", "week", "weeks", "wk", "wks", "weken", "woche", "wochen" -> "d";
            case "semana", "semanas", "semaine", "semaines" -> "d";
            case "req/s", "req/sec", "reqs/s", "rps", "requests/s", "requests/sec", "/s", "qps" -> "req/s";
            case "user", "users", "concurrent users" -> "users";
            case "x" -> "x";
            case "b" -> "B";
            case "kb" -> "KB";
            case "mb" -> "MB";
            case "gb" -> "GB";
            default -> null;
        };
        return Optional.ofNullable(c);
    }

    public static boolean isTime(String unit) {
        return TIME_MS.containsKey(unit);
    }

    /** A value converted between time units or between size units; empty when they do not convert. */
    public static OptionalDouble convert(double value, String from, String to) {
        if (from.equals(to)) {
            return OptionalDouble.of(value);
        }
        if (TIME_MS.containsKey(from) && TIME_MS.containsKey(to)) {
            return OptionalDouble.of(value * TIME_MS.get(from) / TIME_MS.get(to));
        }
        if (BYTES.containsKey(from) && BYTES.containsKey(to)) {
            return OptionalDouble.of(value * BYTES.get(from) / BYTES.get(to));
        }
        return OptionalDouble.empty();
    }

    /** Formats a value with its unit the way the grammar reads it back: "500ms", "99.8%", "1000 req/s". */
    public static String format(double value, String unit) {
        String number = value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
        if (unit.isEmpty()) {
            return number;
        }
        if (unit.equals("version")) {
            return number + "+";
        }
        boolean glued =
                unit.equals("%") || isTime(unit) || unit.equals("x") || unit.startsWith("/") || unit.startsWith(":");
        return glued ? number + unit : number + " " + unit;
    }
}
