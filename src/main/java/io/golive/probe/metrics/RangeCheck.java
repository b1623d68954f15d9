package io.golive.probe.metrics;

import io.golive.probe.Observation;
import io.golive.probe.Status;
import io.golive.spec.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A range evaluation ({@code over: 30m}, {@code step: 1m}): the query is evaluated at every step of
 * the window and the expectation must hold at each, in every series; a step where no series has a
 * value is a gap, and gaps make the check ERROR unless a step already failed.
 */
final class RangeCheck {
    private final Duration over;
    private final Duration step;

    RangeCheck(Duration over, Duration step) {
        this.over = over;
        this.step = step;
    }

    /** The worst sample, with its series. */
    private record Worst(double value, Instant at, String series) {}

    /** What a pass over the answer found: steps with data, failing steps, the first failure, the worst sample. */
    private static final class Scan {
        final BitSet covered;
        final BitSet failed;
        Instant firstFailure;
        Worst worst;

        Scan(int steps) {
            covered = new BitSet(steps);
            failed = new BitSet(steps);
        }

        void add(String series, Series.Sample p, int step, Optional<Expectation> expect) {
            covered.set(step);
            if (!expect.map(e -> e.test(p.value())).orElse(true)) {
                failed.set(step);
                firstFailure = firstFailure == null || p.at().isBefore(firstFailure) ? p.at() : firstFailure;
            }
            if (worst == null || worse(expect, p.value(), worst.value())) {
                worst = new Worst(p.value(), p.at(), series);
            }
        }
    }

    Observation run(PrometheusApi api, String query, Optional<Expectation> expect, Instant now, Duration timeout) {
        Instant end = now.truncatedTo(ChronoUnit.SECONDS);
        Instant start = end.minus(over);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("query", query);
        params.put("start", Long.toString(start.getEpochSecond()));
        params.put("end", Long.toString(end.getEpochSecond()));
        params.put("step", step.toMillis() / 1000.0 + "");
        params.put("timeout", Math.max(1, timeout.toMillis()) + "ms");
        Observation o;
        try {
            PrometheusApi.Reply r = api.get("/api/v1/query_range", params, timeout);
            o = judge(r.data(), expect, start);
        } catch (ApiException e) {
            o = Observation.error(e.getMessage());
        }
        return Evidence.of(o, api, "/api/v1/query_range", params, query, expect)
                .withEvidence("window", start + " .. " + end + " every " + Durations.format(step));
    }

    private Observation judge(JsonNode data, Optional<Expectation> expect, Instant start) throws ApiException {
        int steps = (int) (over.toMillis() / step.toMillis()) + 1;
        List<Series> series = Series.parse(data);
        Scan scan = new Scan(steps);
        for (Series s : series) {
            for (Series.Sample p : s.samples()) {
                if (!Double.isNaN(p.value())) {
                    scan.add(s.name(), p, index(start, p.at(), steps), expect);
                }
            }
        }
        String window = "over " + Durations.format(over);
        if (scan.worst == null) {
            return Observation.error("no data " + window + ": no series had a value at any of the " + steps + " steps");
        }
        return verdict(scan, expect, start, steps, measurements(scan, series.size(), steps));
    }

    private Observation verdict(
            Scan scan, Optional<Expectation> expect, Instant start, int steps, Map<String, Object> m) {
        String window = "over " + Durations.format(over);
        String worst = show(expect, scan.worst.value()) + " at " + scan.worst.at() + " (" + scan.worst.series() + ")";
        int failing = scan.failed.cardinality();
        if (failing > 0) {
            m.put("failingSteps", failing);
            m.put("firstFailingAt", scan.firstFailure.toString());
            return Observation.fail(
                    "not " + expect.orElseThrow().describe() + " at " + failing + " step" + (failing == 1 ? "" : "s")
                            + " " + window + " (first at " + scan.firstFailure + "); worst " + worst,
                    m);
        }
        int gaps = steps - scan.covered.cardinality();
        if (gaps > 0) {
            Instant firstGap = start.plus(step.multipliedBy(scan.covered.nextClearBit(0)));
            return new Observation(
                    Status.ERROR,
                    "no data at " + gaps + " of " + steps + " steps " + window + " (first gap at " + firstGap
                            + "); where there is data the worst is " + worst,
                    m,
                    Map.of());
        }
        String held = expect.map(e -> e.describe() + " at every one of ").orElse("data at every one of ");
        return Observation.pass(held + steps + " steps " + window + "; worst " + worst, m);
    }

    private static Map<String, Object> measurements(Scan scan, int series, int steps) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("series", series);
        m.put("steps", steps);
        m.put("stepsWithData", scan.covered.cardinality());
        m.put("worst", BaseUnits.round(scan.worst.value()));
        m.put("worstAt", scan.worst.at().toString());
        m.put("worstSeries", scan.worst.series());
        return m;
    }

    private int index(Instant start, Instant at, int steps) {
        long i = Math.round((double) Duration.between(start, at).toMillis() / step.toMillis());
        return (int) Math.max(0, Math.min(steps - 1, i));
    }

    /** Without a threshold the worst value is the highest. */
    private static boolean worse(Optional<Expectation> expect, double a, double b) {
        return expect.map(e -> e.worse(a, b)).orElse(a > b);
    }

    private static String show(Optional<Expectation> expect, double value) {
        return expect.map(e -> e.show(value)).orElseGet(() -> BaseUnits.show(value, Optional.empty()));
    }
}
