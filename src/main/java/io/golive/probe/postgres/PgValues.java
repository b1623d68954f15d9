package io.golive.probe.postgres;

import io.golive.checklist.Units;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalDouble;
import org.postgresql.util.PGInterval;

/** Turns what a query returns into numbers a threshold can judge, in the threshold's unit. */
final class PgValues {
    private PgValues() {}

    /**
     * A number from a column value: numbers as they are, booleans as 1 and 0, numeric text parsed,
     * intervals in the threshold's time unit (seconds when it has none).
     */
    static Optional<Double> number(Object value, Optional<String> unit) {
        return switch (value) {
            case null -> Optional.empty();
            case Number n -> Optional.of(n.doubleValue());
            case Boolean b -> Optional.of(b ? 1.0 : 0.0);
            case PGInterval i -> inUnit(seconds(i), unit.filter(Units::isTime).orElse("s"));
            default -> parse(value.toString());
        };
    }

    /** A whole number as a long, else the number itself, for measurements. */
    static Object round(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? (Object) (long) v : (Object) v;
    }

    static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15
                ? Long.toString((long) v)
                : new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    private static double seconds(PGInterval i) {
        // Months and years have no fixed length; PostgreSQL's own justification counts 30 days a month.
        double days = (i.getYears() * 12.0 + i.getMonths()) * 30 + i.getDays();
        return days * 86_400 + i.getHours() * 3_600 + i.getMinutes() * 60 + i.getSeconds();
    }

    private static Optional<Double> inUnit(double seconds, String unit) {
        OptionalDouble v = Units.convert(seconds, "s", unit);
        return v.isPresent() ? Optional.of(v.getAsDouble()) : Optional.empty();
    }

    private static Optional<Double> parse(String text) {
        try {
            return Optional.of(Double.parseDouble(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
