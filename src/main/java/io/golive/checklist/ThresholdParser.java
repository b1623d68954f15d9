package io.golive.checklist;

import java.util.List;
import java.util.Optional;

/** The one threshold grammar: reads limits in checklist prose and in {@code expect:} fields. */
public final class ThresholdParser {
    private ThresholdParser() {}

    /** Every threshold written in a piece of prose, with the metric it names when it names one. */
    public static List<Threshold> findAll(String text) {
        return List.of(); // placeholder until the grammar lands
    }

    /** A table cell holding a threshold for the metric its row names. */
    public static Optional<Threshold> parseCell(String metric, String cell) {
        return Optional.empty();
    }

    /** A strict expression such as {@code "p95 < 500ms"}; throws {@link IllegalArgumentException}. */
    public static Threshold parse(String expression) {
        throw new IllegalArgumentException("not a threshold: " + expression);
    }
}
