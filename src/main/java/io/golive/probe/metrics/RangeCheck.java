package io.golive.probe.metrics;

import io.golive.probe.Observation;
import io.golive.probe.Status;
import io.golive.spec.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.LinkedHashMap;
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

    /** The worst sample found so far, with its series. */
    private record Worst(double value, Instant at, String series) {}

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
        BitSet covered = new BitSet(steps);
        BitSet failed = new BitSet(steps);
        Instant firstFailure = null;
        Worst worst = null;
        var series = Series.parse(data);
        for (Series s : series) {
            for (Series.Sample p : s.samples()) {
                if (Double.isNaN(p.value())) {
                    continue;
                }
                int at = index(start, p.at(), steps);
                covered.set(at);
                if (!expect.map(e -> e.test(p.value())).orElse(true)) {
                    failed.set(at);
                    firstFailure = firstFailure == null || p.at().isBefore(firstFailure) ? p.at() : firstFailure;
                }
                if (worst == null || worse(expect, p.value(), worst.value())) {
                    worst = new Worst(p.value(), p.at(), s.name());
                }
            }
        }
        String window = "over " + Durations.format(over);
        if (worst == null) {
            return Observation.error("no data " + window + ": no series had a value at any of the " + steps + " steps");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("series", series.size());
        m.put("steps", steps);
        m.put("stepsWithData", covered.cardinality());
        m.put("worst", BaseUnits.round(worst.value()));
        m.put("worstAt", worst.at().toString());
        m.put("worstSeries", worst.series());
        String worstText = show(expect, worst.value()) + " at " + worst.at() + " (" + worst.series() + ")";
        int failing = failed.cardinality();
        if (failing > 0) {
            Expectation e = expect.orElseThrow();
            m.put("failingSteps", failing);
            m.put("firstFailingAt", firstFailure.toString());
            return Observation.fail(
                    "not " + e.describe() + " at " + failing + " step" + (failing == 1 ? "" : "s") + " " + window
                            + " (first at " + firstFailure + "); worst " + worstText,
                    m);
        }
        int gaps = steps - covered.cardinality();
        if (gaps > 0) {
            Instant firstGap = start.plus(step.multipliedBy(covered.nextClearBit(0)));
            return new Observation(
                    Status.ERROR,
                    "no data at " + gaps + " of " + steps + " steps " + window + " (first gap at " + firstGap
                            + "); where there is data the worst is " + worstText,
                    m,
                    Map.of());
        }
        String held = expect.map(e -> e.describe() + " at every one of ").orElse("data at every one of ");
        return Observation.pass(held + steps + " steps " + window + "; worst " + worstText, m);
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
