package io.golive.probe.metrics;

import io.golive.checklist.Op;
import io.golive.checklist.Threshold;
import io.golive.checklist.ThresholdParser;
import io.golive.checklist.Units;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A threshold a query's values must meet, its limit converted to Prometheus's base units by
 * {@link BaseUnits}; {@code fromItem} when it was inherited from the bound item's text.
 */
record Expectation(Threshold threshold, double limit, boolean fromItem) {
    /** The check's {@code expect}, else the bound item's one threshold; empty when neither gives one. */
    static Optional<Expectation> resolve(String expect, List<Threshold> inherited) {
        if (expect != null) {
            return Optional.of(of(ThresholdParser.parse(expect), false));
        }
        if (inherited.isEmpty()) {
            return Optional.empty();
        }
        if (inherited.size() > 1) {
            throw new IllegalArgumentException("the item carries " + inherited.size() + " thresholds ("
                    + String.join(", ", inherited.stream().map(Threshold::text).toList())
                    + "): write expect to say which one this query meets");
        }
        return Optional.of(of(inherited.getFirst(), true));
    }

    /** Why {@code expect} cannot be used, if it cannot. */
    static Optional<String> problem(String expect) {
        if (expect == null) {
            return Optional.empty();
        }
        try {
            of(ThresholdParser.parse(expect), false);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("expect: " + e.getMessage());
        }
    }

    private static Expectation of(Threshold t, boolean fromItem) {
        OptionalDouble base = BaseUnits.toBase(t.value(), t.unit());
        if (base.isEmpty()) {
            throw new IllegalArgumentException(
                    "'" + t.text() + "' has a unit (" + t.unit().orElse("")
                            + ") with no Prometheus base unit; write a number, a percentage, a duration or a size");
        }
        return new Expectation(t, base.getAsDouble(), fromItem);
    }

    boolean test(double value) {
        return !Double.isNaN(value) && threshold.op().test(value, limit);
    }

    /** Which of two values is further from meeting the threshold (the larger one for {@code <}). */
    boolean worse(double a, double b) {
        return switch (threshold.op()) {
            case LT, LE -> a > b;
            case GT, GE -> a < b;
            case EQ, APPROX -> Math.abs(a - limit) > Math.abs(b - limit);
        };
    }

    /** A base-unit value in the threshold's unit, for people. */
    String show(double value) {
        return BaseUnits.show(value, threshold.unit());
    }

    /** {@code < 500ms}, with where it came from when it came from the item. */
    String describe() {
        return threshold.expression() + (fromItem ? " (from the item)" : "");
    }

    /** For evidence: the threshold as written and as compared. */
    String evidence() {
        String compared = threshold.op() == Op.APPROX ? "~ " : threshold.op().symbol() + " ";
        return threshold.text() + " -> " + compared + Units.format(BaseUnits.round(limit), "") + " in base units"
                + (fromItem ? " (inherited from the item)" : "");
    }
}
