package io.golive.load;

import static java.util.Objects.requireNonNull;

import io.golive.checklist.Threshold;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a load test measured.
 *
 * @param startedAt when it started
 * @param elapsed how long it ran (its duration, or less when aborted)
 * @param model how load was offered
 * @param connections the connections it used at most
 * @param requests requests finished: answered, or failed to connect, timed out, broke off
 * @param errors failed requests plus answers with status 400 or above
 * @param rate finished requests per second
 * @param latency latencies of the answers; in the open model from each request's intended send time
 * @param serviceTime latencies from the actual send (the uncorrected view; the same as {@code latency}
 *     in the closed model)
 * @param status answers by status code
 * @param errorKinds errors by kind: {@code connect}, {@code timeout}, {@code io}, {@code 4xx}, {@code 5xx}
 * @param bytesRead bytes received
 * @param bytesWritten bytes sent
 * @param unsent requests of the open model that were due but could not be sent before the end
 * @param inFlightAtEnd requests still unanswered when the test stopped (not counted in {@code requests})
 * @param warnings where the generator or the machine, not the target, limited the test, and where
 *     the open model's connections were all busy
 * @param generatorLimited whether the generator (its CPU, its scheduling, or the machine's CPU) limited
 *     the test: the figures then say more about the generator than about the target
 * @param abortedBy the threshold that stopped the test early, if one did
 */
public record LoadResult(
        Instant startedAt,
        Duration elapsed,
        LoadModel model,
        int connections,
        long requests,
        long errors,
        double rate,
        Latency latency,
        Latency serviceTime,
        SortedMap<Integer, Long> status,
        Map<String, Long> errorKinds,
        long bytesRead,
        long bytesWritten,
        long unsent,
        long inFlightAtEnd,
        List<String> warnings,
        boolean generatorLimited,
        Optional<String> abortedBy) {
    public LoadResult {
        requireNonNull(startedAt, "null startedAt");
        requireNonNull(elapsed, "null elapsed");
        requireNonNull(model, "null model");
        requireNonNull(latency, "null latency");
        requireNonNull(serviceTime, "null serviceTime");
        status = Collections.unmodifiableSortedMap(new TreeMap<>(status));
        errorKinds = Collections.unmodifiableMap(new LinkedHashMap<>(errorKinds));
        warnings = List.copyOf(warnings);
        requireNonNull(abortedBy, "null abortedBy");
    }

    /** Errors as a percentage of finished requests; empty when none finished. */
    public OptionalDouble errorPercent() {
        return requests == 0 ? OptionalDouble.empty() : OptionalDouble.of(100.0 * errors / requests);
    }

    /** Applies each threshold; one naming something a load test does not measure is not met. */
    public List<ThresholdResult> evaluate(List<Threshold> thresholds) {
        return thresholds.stream().map(this::evaluate).toList();
    }

    private ThresholdResult evaluate(Threshold t) {
        if (!LoadMetrics.measures(t)) {
            return new ThresholdResult(t, OptionalDouble.empty(), false, "a load test does not measure this");
        }
        OptionalDouble actual = LoadMetrics.valueOf(this, t);
        if (actual.isEmpty()) {
            return new ThresholdResult(t, actual, false, "no data: no request finished");
        }
        return new ThresholdResult(t, actual, t.test(actual.getAsDouble()), "");
    }

    /** The main figures, named as a {@code load} check reports them (latencies in ms). */
    public Map<String, Object> measurements() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requests", requests);
        m.put("errors", errors);
        errorPercent().ifPresent(p -> m.put("errorRate", round(p, 3)));
        m.put("rate", round(rate, 1));
        if (latency.count() > 0) {
            m.putAll(latencyMap(latency));
        }
        return m;
    }

    /** The whole result as the JSON document of {@code golive loadtest --json}. */
    public Map<String, Object> toMap(List<ThresholdResult> thresholds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requests", requests);
        m.put("errors", errors);
        m.put("errorRate", errorPercent().isPresent() ? round(errorPercent().getAsDouble(), 3) : null);
        m.put("rate", round(rate, 1));
        m.put("durationSeconds", round(elapsed.toNanos() / 1e9, 3));
        m.put("model", model.toString());
        m.put("connections", connections);
        m.put("latencyMs", latency.count() > 0 ? latencyMap(latency) : null);
        if (model instanceof LoadModel.Open) {
            m.put("serviceTimeMs", serviceTime.count() > 0 ? latencyMap(serviceTime) : null);
        }
        Map<String, Long> codes = new LinkedHashMap<>();
        status.forEach((code, n) -> codes.put(Integer.toString(code), n));
        m.put("status", codes);
        m.put("errorKinds", errorKinds);
        m.put("bytes", Map.of("read", bytesRead, "written", bytesWritten));
        m.put("unsent", unsent);
        m.put("inFlightAtEnd", inFlightAtEnd);
        m.put("warnings", warnings);
        m.put("generatorLimited", generatorLimited);
        m.put("abortedBy", abortedBy.orElse(null));
        m.put("thresholds", thresholds.stream().map(LoadResult::thresholdMap).toList());
        return m;
    }

    private static Map<String, Object> thresholdMap(ThresholdResult r) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("expr", r.expr());
        t.put("actual", r.actual().isPresent() ? round(r.actual().getAsDouble(), 3) : null);
        t.put("unit", r.threshold().unit().orElse(null));
        t.put("met", r.met());
        if (!r.note().isEmpty()) {
            t.put("note", r.note());
        }
        return t;
    }

    private static Map<String, Object> latencyMap(Latency l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("p50", round(l.p50(), 3));
        m.put("p90", round(l.p90(), 3));
        m.put("p95", round(l.p95(), 3));
        m.put("p99", round(l.p99(), 3));
        m.put("p999", round(l.p999(), 3));
        m.put("max", round(l.max(), 3));
        m.put("mean", round(l.mean(), 3));
        return m;
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
