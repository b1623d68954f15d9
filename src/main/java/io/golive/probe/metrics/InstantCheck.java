package io.golive.probe.metrics;

import io.golive.probe.Observation;
import io.golive.probe.Status;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An instant query: every series it returns must meet the expectation and is reported with its value;
 * no series, or a NaN, is no data and never a pass.
 */
final class InstantCheck {
    /** At most this many series are reported one by one in the measurements. */
    static final int LISTED = 50;

    private static final int SHOWN = 3;

    private InstantCheck() {}

    static Observation run(PrometheusApi api, String query, Optional<Expectation> expect, Duration timeout) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("query", query);
        params.put("timeout", Math.max(1, timeout.toMillis()) + "ms");
        Observation o;
        try {
            PrometheusApi.Reply r = api.get("/api/v1/query", params, timeout);
            o = r.data().path("resultType").asString("").equals("matrix")
                    ? Observation.error("the query returns a range vector (a selector such as x[5m]): wrap it in"
                            + " a function such as rate() or max_over_time(), or use over: for a range")
                    : judge(Series.parse(r.data()), expect);
            if (!r.warnings().isEmpty()) {
                o = o.withEvidence("warnings", String.join("; ", r.warnings()));
            }
        } catch (ApiException e) {
            o = Observation.error(e.getMessage());
        }
        return Evidence.of(o, api, "/api/v1/query", params, query, expect);
    }

    /** The verdict on an instant answer's series. */
    static Observation judge(List<Series> series, Optional<Expectation> expect) {
        if (series.isEmpty()) {
            return Observation.error(
                    "no data: the query returned no series (no such metric, or no series matches" + " its labels)");
        }
        List<Series> nan = series.stream().filter(s -> Double.isNaN(s.value())).toList();
        List<Series> failing = expect.map(e -> series.stream()
                        .filter(s -> !Double.isNaN(s.value()) && !e.test(s.value()))
                        .toList())
                .orElse(List.of());
        Map<String, Object> m = measurements(series, expect, failing, nan);
        if (!failing.isEmpty()) {
            Expectation e = expect.orElseThrow();
            String head = series.size() == 1 ? "" : failing.size() + " of " + series.size() + " series ";
            return Observation.fail(head + "not " + e.describe() + ": " + list(failing, expect), m);
        }
        if (!nan.isEmpty()) {
            String head =
                    series.size() == 1 ? "the value is NaN" : nan.size() + " of " + series.size() + " series are NaN";
            return new Observation(
                    Status.ERROR,
                    "no data: " + head + " (such as a ratio of zero requests): " + list(nan, expect),
                    m,
                    Map.of());
        }
        return Observation.pass(passSummary(series, expect, (Double) m.get("value")), m);
    }

    private static Map<String, Object> measurements(
            List<Series> series, Optional<Expectation> expect, List<Series> failing, List<Series> nan) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("series", series.size());
        Series worst = series.getFirst();
        for (Series s : series) {
            if (expect.isPresent() && !Double.isNaN(s.value()) && expect.get().worse(s.value(), worst.value())) {
                worst = s;
            }
        }
        m.put("value", BaseUnits.round(worst.value()));
        Map<String, Object> values = new LinkedHashMap<>();
        series.stream().limit(LISTED).forEach(s -> values.put(s.name(), BaseUnits.round(s.value())));
        m.put("values", values);
        if (expect.isPresent()) {
            m.put("failing", failing.size());
        }
        if (!nan.isEmpty()) {
            m.put("nan", nan.size());
        }
        return m;
    }

    private static String passSummary(List<Series> series, Optional<Expectation> expect, double value) {
        if (expect.isEmpty()) {
            return series.size() == 1
                    ? "value " + BaseUnits.show(value, Optional.empty()) + " (no threshold to meet)"
                    : series.size() + " series (no threshold to meet): " + list(series, expect);
        }
        Expectation e = expect.get();
        return series.size() == 1
                ? e.show(value) + " " + e.describe()
                : "all " + series.size() + " series " + e.describe() + " (worst " + e.show(value) + ")";
    }

    private static String list(List<Series> series, Optional<Expectation> expect) {
        String shown = series.stream()
                .limit(SHOWN)
                .map(s -> s.name() + " = "
                        + expect.map(e -> e.show(s.value()))
                                .orElseGet(() -> BaseUnits.show(s.value(), Optional.empty())))
                .collect(Collectors.joining(", "));
        return series.size() > SHOWN ? shown + ", ..." : shown;
    }
}
