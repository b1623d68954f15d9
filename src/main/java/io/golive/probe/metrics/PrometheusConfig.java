package io.golive.probe.metrics;

import io.golive.probe.ProbeConfig;
import io.golive.probe.ValueUnit;
import io.golive.spec.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code prometheus:} check: a PromQL query whose every series must meet {@code expect} (now, or at
 * every step of {@code over}), and/or a rule that must be loaded and healthy.
 *
 * @param url the Prometheus base url ({@code http://prometheus:9090}); or {@code target}
 * @param headers sent with every request (a bearer token: write {@code ${ENV}}); credential values are masked
 * @param query PromQL; values are in Prometheus's base units (seconds, bytes, ratios 0–1)
 * @param expect the threshold every value must meet; a unit converts to the base unit ({@code < 500ms} is 0.5)
 * @param over evaluate the query over this window ending now ({@code 30m}) instead of once
 * @param step with {@code over}: the resolution (default {@code 1m})
 * @param rule the name of an alerting or recording rule that must be loaded and healthy
 * @param unit the unit of the query's values when they are not in base units ({@code ms}, {@code %});
 *     {@code s} and {@code ratio} are the base units
 */
public record PrometheusConfig(
        Optional<String> url,
        Optional<String> target,
        Map<String, String> headers,
        String query,
        String expect,
        String over,
        String step,
        String rule,
        String unit)
        implements ProbeConfig, ApiEndpoint.Fields {
    /** Prometheus refuses a range query of more points per series than this. */
    static final long MAX_POINTS = 11_000;

    public PrometheusConfig {
        url = url == null ? Optional.empty() : url;
        target = target == null ? Optional.empty() : target;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        step = step == null && over != null ? "1m" : step;
    }

    @Override
    public List<String> validate() {
        List<String> problems = new ArrayList<>(ApiEndpoint.validate(this));
        if (query == null && rule == null) {
            problems.add("give a query (with expect) or a rule");
        }
        if (query != null && query.isBlank()) {
            problems.add("query is empty");
        }
        if (query == null && (expect != null || over != null)) {
            problems.add("expect and over apply to a query: add query");
        }
        if (step != null && over == null) {
            problems.add("step applies to a range: add over");
        }
        Expectation.problem(expect).ifPresent(problems::add);
        if (unit != null && ValueUnit.parse(unit).isEmpty()) {
            problems.add("unit: expected " + ValueUnit.FORMS + ", got \"" + unit + "\"");
        }
        range(problems);
        return problems;
    }

    /** How many base units one value of the query is (1 unless {@code unit} says otherwise). */
    double scale() {
        return unit == null ? 1 : ValueUnit.parse(unit).map(ValueUnit::base).orElse(1.0);
    }

    private void range(List<String> problems) {
        Optional<Duration> o = duration("over", over, problems);
        Optional<Duration> s = duration("step", step, problems);
        if (o.isEmpty() || s.isEmpty()) {
            return;
        }
        if (s.get().toMillis() < 1_000) {
            problems.add("step must be at least 1s");
        } else if (o.get().compareTo(s.get()) < 0) {
            problems.add("over (" + over + ") must be at least one step (" + step + ")");
        } else if (o.get().toMillis() / s.get().toMillis() >= MAX_POINTS) {
            problems.add("over " + over + " at step " + step + " is more than " + MAX_POINTS
                    + " points, more than Prometheus answers: take a longer step");
        }
    }

    private static Optional<Duration> duration(String field, String value, List<String> problems) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Durations.parse(value));
        } catch (IllegalArgumentException e) {
            problems.add(field + ": " + e.getMessage());
            return Optional.empty();
        }
    }
}
