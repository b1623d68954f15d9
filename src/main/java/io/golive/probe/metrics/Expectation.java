package io.golive.probe.metrics;

import io.golive.checklist.Op;
import io.golive.checklist.Threshold;
import io.golive.checklist.ThresholdParser;
import io.golive.checklist.Units;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A threshold a query's values must meet, its limit converted to the query's unit (Prometheus's base
 * units unless the check says {@code unit:}) by {@link BaseUnits}; {@code fromItem} when it was
 * inherited from the bound item's text or criterion.
 *
 * @param scale how many base units one unit of the query's values is (1 for seconds or a ratio, 0.001
 *     for {@code unit: ms}, 0.01 for {@code unit: %})
 */
record Expectation(Threshold threshold, double limit, boolean fromItem, double scale) {
    /** The check's {@code expect}, else the bound item's one threshold; empty when neither gives one. */
    static Optional<Expectation> resolve(String expect, List<Threshold> inherited) {
        return resolve(expect, inherited, 1);
    }

    /** As {@link #resolve(String, List)}, for a query whose values are {@code scale} base units each. */
    static Optional<Expectation> resolve(String expect, List<Threshold> inherited, double scale) {
        if (expect != null) {
            return Optional.of(of(ThresholdParser.parse(expect), false, scale));
        }
        if (inherited.isEmpty()) {
            return Optional.empty();
        }
        if (inherited.size() > 1) {
            throw new IllegalArgumentException("the item carries " + inherited.size() + " thresholds ("
                    + String.join(", ", inherited.stream().map(Threshold::text).toList())
                    + "): write expect to say which one this query meets");
        }
        return Optional.of(of(inherited.getFirst(), true, scale));
    }

    /** Why {@code expect} cannot be used, if it cannot. */
    static Optional<String> problem(String expect) {
        if (expect == null) {
            return Optional.empty();
        }
        try {
            of(ThresholdParser.parse(expect), false, 1);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("expect: " + e.getMessage());
        }
    }

    private static Expectation of(Threshold t, boolean fromItem, double scale) {
        OptionalDouble base = BaseUnits.toBase(t.value(), t.unit());
        if (base.isEmpty()) {
            throw new IllegalArgumentException(
                    "'" + t.text() + "' has a unit (" + t.unit().orElse("")
                            + ") with no Prometheus base unit; write a number, a percentage, a duration or a size");
        }
        return new Expectation(t, base.getAsDouble() / scale, fromItem, scale);
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

    /** A value of the query in the threshold's unit, for people. */
    String show(double value) {
        return BaseUnits.show(value * scale, threshold.unit());
    }

    /** A value of the query in the threshold's unit, as a number (0.612 s with {@code < 500ms} is 612). */
    double inThresholdUnit(double value) {
        double one = BaseUnits.toBase(1, threshold.unit()).orElse(1);
        return BaseUnits.round(value * scale / one);
    }

    /** {@code < 500ms}, with where it came from when it came from the item. */
    String describe() {
        return threshold.expression() + (fromItem ? " (from the item)" : "");
    }

    /** For evidence: the threshold as written and as compared. */
    String evidence() {
        String compared = threshold.op() == Op.APPROX ? "~ " : threshold.op().symbol() + " ";
        return threshold.text() + " -> " + compared + Units.format(BaseUnits.round(limit), "")
                + (scale == 1 ? " in base units" : " in the query's unit")
                + (fromItem ? " (inherited from the item)" : "");
    }
}
