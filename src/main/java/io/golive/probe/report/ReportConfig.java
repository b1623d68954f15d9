package io.golive.probe.report;

import io.golive.checklist.ThresholdParser;
import io.golive.probe.ProbeConfig;
import io.golive.spec.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A {@code report:} check: a report another tool wrote (JUnit, JaCoCo, k6, JMeter, SARIF), read and
 * compared with thresholds.
 *
 * @param path a file, a folder or a glob, relative to the spec's folder
 * @param kind {@code junit}, {@code jacoco}, {@code k6}, {@code jmeter} or {@code sarif}
 * @param expect thresholds such as {@code ">= 80%"}; the bound item's thresholds when absent
 * @param maxAge the newest file must be at most this old ("7d"), when given
 * @param severity SARIF results at or above this level fail the check (default {@code error})
 */
public record ReportConfig(String path, String kind, List<String> expect, String maxAge, String severity)
        implements ProbeConfig {
    static final Set<String> KINDS = Set.of("junit", "jacoco", "k6", "jmeter", "sarif");
    static final List<String> LEVELS = List.of("note", "warning", "error");

    public ReportConfig {
        kind = kind == null ? null : kind.strip().toLowerCase(Locale.ROOT);
        expect = expect == null ? List.of() : List.copyOf(expect);
        severity = severity == null ? "error" : severity.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public List<String> validate() {
        List<String> problems = new ArrayList<>();
        if (path == null || path.isBlank()) {
            problems.add("'path' (a file, folder or glob) is required");
        }
        if (kind == null || !KINDS.contains(kind)) {
            problems.add("'kind' must be one of junit, jacoco, k6, jmeter, sarif, not " + kind);
        }
        if (!LEVELS.contains(severity)) {
            problems.add("'severity' must be note, warning or error, not " + severity);
        }
        if (maxAge != null) {
            try {
                Durations.parse(maxAge);
            } catch (RuntimeException e) {
                problems.add("'maxAge' " + e.getMessage());
            }
        }
        for (String e : expect) {
            try {
                ThresholdParser.parse(e);
            } catch (IllegalArgumentException ex) {
                problems.add(ex.getMessage());
            }
        }
        return problems;
    }
}
