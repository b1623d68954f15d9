package io.golive.probe;

import java.util.Locale;
import java.util.Optional;

/**
 * The unit of the numbers a probe reads ({@code unit: s | ms | ratio | %}), so that a threshold such as
 * {@code < 500ms} or {@code < 0.1%} compares correctly whatever unit the source reports in.
 */
public enum ValueUnit {
    SECONDS("s", 1),
    MILLISECONDS("ms", 0.001),
    RATIO("ratio", 1),
    PERCENT("%", 0.01);

    /** The forms {@code unit:} accepts, for messages. */
    public static final String FORMS = "s, ms, ratio or %";

    private final String written;
    private final double base;

    ValueUnit(String written, double base) {
        this.written = written;
        this.base = base;
    }

    /** The unit as written in the spec; empty when it is none of {@link #FORMS}. */
    public static Optional<ValueUnit> parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (ValueUnit u : values()) {
            if (u.written.equals(t)) {
                return Optional.of(u);
            }
        }
        return switch (t) {
            case "seconds", "second", "sec" -> Optional.of(SECONDS);
            case "milliseconds", "millisecond" -> Optional.of(MILLISECONDS);
            case "percent" -> Optional.of(PERCENT);
            default -> Optional.empty();
        };
    }

    /** How many base units (seconds, or a ratio of 1) one value in this unit is. */
    public double base() {
        return base;
    }

    @Override
    public String toString() {
        return written;
    }
}
