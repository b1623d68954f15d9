package io.golive.probe.report;

import io.golive.checklist.Threshold;
import io.golive.checklist.Units;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a report says: measurements to show, the metrics thresholds may name, and a failure the report
 * itself records (failed tests, SARIF results), if any.
 *
 * @param metrics value and unit by metric name ("coverage" -&gt; 83.5 %)
 * @param aliases words in a threshold's metric that name one of {@code metrics} ("branch" -&gt; "branchCoverage")
 * @param failure what the report records as failed, when it does
 */
record Reading(
        Map<String, Object> measurements,
        Map<String, Metric> metrics,
        Map<String, String> aliases,
        Optional<String> failure) {
    record Metric(double value, String unit) {}

    /** A report that cannot be used, with the reason. */
    static final class BadReport extends io.golive.GoliveException {
        BadReport(String message) {
            super(message);
        }
    }

    Reading {
        measurements = new LinkedHashMap<>(measurements);
        metrics = new LinkedHashMap<>(metrics);
        aliases = new LinkedHashMap<>(aliases);
    }

    /** The metric a threshold names, by its words or, failing that, by its unit (time or %). */
    Optional<String> key(Threshold t) {
        if (t.metric().isPresent()) {
            String m = normalise(t.metric().get());
            for (String k : metrics.keySet()) {
                if (normalise(k).equals(m)) {
                    return Optional.of(k);
                }
            }
            for (Map.Entry<String, String> a : aliases.entrySet()) {
                if (m.contains(a.getKey())) {
                    return Optional.of(a.getValue());
                }
            }
        }
        Optional<String> unit = t.unit();
        return metrics.entrySet().stream()
                .filter(e -> unit.isPresent()
                        && (e.getValue().unit().equals(unit.get())
                                || Units.isTime(unit.get())
                                        && Units.isTime(e.getValue().unit())))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    private static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[\\s_()-]", "");
    }
}
