package io.golive.checklist;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A limit a measurement must respect, such as {@code p95 < 500ms} or {@code AUC > 0.70}.
 *
 * @param metric what is measured, as written ("p95", "AUC", "error rate"), when the text names it
 * @param op the comparison
 * @param value the limit in {@code unit}
 * @param unit the canonical unit ("ms", "s", "min", "h", "d", "%", "req/s", "users", "x", "/5", ":1",
 *     "version", "B"/"KB"/"MB"/"GB"), when there is one
 * @param text the source text the threshold was read from
 */
public record Threshold(Optional<String> metric, Op op, double value, Optional<String> unit, String text) {
    public Threshold {
        requireNonNull(metric, "null metric");
        requireNonNull(op, "null op");
        requireNonNull(unit, "null unit");
        requireNonNull(text, "null text");
    }

    /** The threshold as an expression in the one grammar, e.g. {@code "< 500ms"}. */
    public String expression() {
        if (unit.filter("version"::equals).isPresent() && op == Op.GE) {
            return Units.format(value, "version");
        }
        return op.symbol() + " "
                + Units.format(value, unit.filter(u -> !u.equals("version")).orElse(""));
    }

    /** Whether a measured value, in this threshold's unit, meets it. */
    public boolean test(double actual) {
        return op.test(actual, value);
    }

    /**
     * Whether a measured value in {@code actualUnit} meets it, converting time and size units
     * ({@code < 500ms} against 0.612 s is false); empty when the units do not convert.
     */
    public Optional<Boolean> test(double actual, String actualUnit) {
        if (unit.isEmpty() || unit.get().equals(actualUnit)) {
            return Optional.of(test(actual));
        }
        OptionalDouble converted = Units.convert(actual, actualUnit, unit.get());
        return converted.isPresent() ? Optional.of(test(converted.getAsDouble())) : Optional.empty();
    }

    /** The same threshold naming another metric. */
    public Threshold withMetric(String name) {
        return new Threshold(Optional.ofNullable(name), op, value, unit, text);
    }

    /** The limit in another unit (time or size), when it converts. */
    public OptionalDouble valueIn(String targetUnit) {
        return unit.isEmpty() ? OptionalDouble.of(value) : Units.convert(value, unit.get(), targetUnit);
    }
}
