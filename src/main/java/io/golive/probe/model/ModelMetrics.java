package io.golive.probe.model;

import io.golive.checklist.Threshold;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The metrics computed from a predictions file, by the lower-case key a threshold names them with.
 *
 * @param values {@code auc}, {@code ece}, {@code air}, {@code tprgap}, {@code fprgap}, {@code gaps}
 *     (NaN where a metric is undefined for this data)
 * @param undefined why a metric is NaN, by key
 */
record ModelMetrics(Map<String, Double> values, Map<String, String> undefined) {
    static final List<String> NAMES = List.of("AUC", "ECE", "AIR", "gaps", "tprGap", "fprGap");

    /** The metric a threshold names ("AUC", "tpr gap", "TPR_GAP"), when it names one of ours. */
    static Optional<String> key(Threshold t) {
        return t.metric()
                .map(ModelMetrics::normalise)
                .filter(k -> NAMES.stream().map(ModelMetrics::normalise).anyMatch(k::equals));
    }

    private static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
    }

    /** The metric named by its display name ("tprGap") for measurements. */
    static String display(String key) {
        return NAMES.stream().filter(n -> normalise(n).equals(key)).findFirst().orElse(key);
    }

    Map<String, Object> measurements() {
        Map<String, Object> m = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (!v.isNaN()) {
                m.put(display(k), round(v));
            }
        });
        return m;
    }

    static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
