package io.golive.probe.metrics;

import io.golive.checklist.Units;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The one place where a threshold meets Prometheus's base units (seconds, bytes, ratios 0–1, per
 * second): a limit written with a percent, time or size unit is converted to the base unit before any
 * comparison ({@code < 500ms} compares with 0.5, {@code < 0.1%} with 0.001, {@code < 80%} with 0.8), and
 * a measured value is converted back to the threshold's unit only to be shown.
 */
final class BaseUnits {
    private BaseUnits() {}

    /** A limit in the base unit; empty when the unit has none (a version, a score out of 5 ...). */
    static OptionalDouble toBase(double value, Optional<String> unit) {
        if (unit.isEmpty()) {
            return OptionalDouble.of(value);
        }
        String u = unit.get();
        if (u.equals("%")) {
            return OptionalDouble.of(value / 100);
        }
        if (u.equals("req/s") || u.equals("users")) {
            return OptionalDouble.of(value); // already per second, or a plain count
        }
        if (Units.isTime(u)) {
            return Units.convert(value, u, "s");
        }
        return Units.convert(value, u, "B");
    }

    /** A value in the base unit written in {@code unit} for people: 0.19375 with "ms" is "193.75ms". */
    static String show(double base, Optional<String> unit) {
        if (Double.isNaN(base)) {
            return "NaN";
        }
        if (Double.isInfinite(base)) {
            return base > 0 ? "+Inf" : "-Inf";
        }
        String u = unit.orElse("");
        double inUnit = u.isEmpty() || toBase(1, unit).isEmpty()
                ? base
                : base / toBase(1, unit).getAsDouble();
        return Units.format(round(inUnit), u);
    }

    /** A value with at most six significant digits, so that 0.19374999999 reads 0.19375. */
    static double round(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v) || v == 0) {
            return v;
        }
        return new BigDecimal(v).round(new MathContext(6)).doubleValue();
    }
}
