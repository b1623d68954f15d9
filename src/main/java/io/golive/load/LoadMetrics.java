package io.golive.load;

import io.golive.checklist.Threshold;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps the metric a threshold names ({@code p95}, {@code errors}, {@code rate} ...) onto a load test's
 * result, converted to the threshold's unit. A threshold without a metric is read by its unit: a
 * duration limits p95, a percentage the error rate, {@code req/s} the achieved rate, {@code users} the
 * concurrent users (connections) the test ran with, so that "1000 concurrent users" checks the test
 * was big enough.
 */
public final class LoadMetrics {
    private static final Pattern PERCENTILE =
            Pattern.compile("(?:latency|responsetime)?p(\\d{1,3}(?:\\.\\d+)?)(?:latency|responsetime)?");

    private LoadMetrics() {}

    /** What a load test measures. */
    enum Kind {
        LATENCY,
        MEAN,
        ERROR_PERCENT,
        ERROR_FRACTION,
        ERROR_COUNT,
        SUCCESS_PERCENT,
        SUCCESS_FRACTION,
        RATE,
        REQUESTS,
        USERS
    }

    /** A measurement and, for latencies, its percentile (100 is the maximum) and unit factor. */
    record Metric(Kind kind, double percentile, double msPerUnit) {
        static Metric of(Kind kind) {
            return new Metric(kind, 0, 1);
        }
    }

    /** Whether a load test measures what this threshold names, in a unit it can convert to. */
    public static boolean measures(Threshold t) {
        return metricOf(t).isPresent();
    }

    /** The value a threshold is compared with, in its unit; empty when unmeasured or without data. */
    public static OptionalDouble valueOf(LoadResult r, Threshold t) {
        Optional<Metric> metric = metricOf(t);
        if (metric.isEmpty() || r.requests() == 0) {
            return OptionalDouble.empty();
        }
        Metric m = metric.get();
        double errors = r.errors();
        return switch (m.kind()) {
            case LATENCY -> convert(r.latency().percentile(m.percentile()), m.msPerUnit());
            case MEAN ->
                convert(
                        r.latency().count() == 0
                                ? OptionalDouble.empty()
                                : OptionalDouble.of(r.latency().mean()),
                        m.msPerUnit());
            case ERROR_PERCENT -> OptionalDouble.of(100 * errors / r.requests());
            case ERROR_FRACTION -> OptionalDouble.of(errors / r.requests());
            case ERROR_COUNT -> OptionalDouble.of(errors);
            case SUCCESS_PERCENT -> OptionalDouble.of(100 - 100 * errors / r.requests());
            case SUCCESS_FRACTION -> OptionalDouble.of(1 - errors / r.requests());
            case RATE -> OptionalDouble.of(r.rate());
            case REQUESTS -> OptionalDouble.of(r.requests());
            case USERS -> OptionalDouble.of(r.connections());
        };
    }

    static Optional<Metric> metricOf(Threshold t) {
        String unit = t.unit().orElse("");
        if (t.metric().isEmpty()) {
            return byUnitAlone(unit);
        }
        String name = t.metric().get().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
        Matcher p = PERCENTILE.matcher(name);
        if (p.matches()) {
            double pct = Double.parseDouble(p.group(1));
            return latency(pct == 999 ? 99.9 : pct, unit);
        }
        return switch (name) {
            case "median" -> latency(50, unit);
            case "max", "maximum", "maxlatency", "maxresponsetime" -> latency(100, unit);
            case "latency", "responsetime" -> latency(95, unit);
            case "mean", "avg", "average", "meanlatency", "averagelatency", "averageresponsetime" ->
                msPerUnit(unit) > 0 ? Optional.of(new Metric(Kind.MEAN, 0, msPerUnit(unit))) : Optional.empty();
            case "errors", "error", "failures", "failedrequests" -> errors(unit, false);
            case "errorrate", "errorsrate", "failurerate" -> errors(unit, true);
            case "success", "successrate", "availability" -> success(unit);
            case "rate", "throughput", "rps", "requestrate", "req/s", "requests/s" -> rate(unit);
            case "users", "concurrentusers", "virtualusers", "vus", "connections" ->
                unit.isEmpty() || unit.equals("users") ? Optional.of(Metric.of(Kind.USERS)) : Optional.empty();
            case "requests" ->
                unit.equals("req/s")
                        ? rate(unit)
                        : unit.isEmpty() ? Optional.of(Metric.of(Kind.REQUESTS)) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static Optional<Metric> byUnitAlone(String unit) {
        return switch (unit) {
            case "ms", "s", "min", "h" -> latency(95, unit);
            case "%" -> Optional.of(Metric.of(Kind.ERROR_PERCENT));
            case "req/s" -> rate(unit);
            case "users" -> Optional.of(Metric.of(Kind.USERS));
            default -> Optional.empty();
        };
    }

    private static Optional<Metric> latency(double percentile, String unit) {
        double factor = msPerUnit(unit);
        return factor > 0 && Latency.holds(percentile)
                ? Optional.of(new Metric(Kind.LATENCY, percentile, factor))
                : Optional.empty();
    }

    private static double msPerUnit(String unit) {
        return switch (unit) {
            case "", "ms" -> 1;
            case "s" -> 1_000;
            case "min" -> 60_000;
            case "h" -> 3_600_000;
            default -> 0;
        };
    }

    private static Optional<Metric> errors(String unit, boolean rateNamed) {
        return switch (unit) {
            case "%" -> Optional.of(Metric.of(Kind.ERROR_PERCENT));
            case "" -> Optional.of(Metric.of(rateNamed ? Kind.ERROR_FRACTION : Kind.ERROR_COUNT));
            default -> Optional.empty();
        };
    }

    private static Optional<Metric> success(String unit) {
        return switch (unit) {
            case "%" -> Optional.of(Metric.of(Kind.SUCCESS_PERCENT));
            case "" -> Optional.of(Metric.of(Kind.SUCCESS_FRACTION));
            default -> Optional.empty();
        };
    }

    private static Optional<Metric> rate(String unit) {
        return unit.isEmpty() || unit.equals("req/s") ? Optional.of(Metric.of(Kind.RATE)) : Optional.empty();
    }

    private static OptionalDouble convert(OptionalDouble ms, double msPerUnit) {
        return ms.isPresent() ? OptionalDouble.of(ms.getAsDouble() / msPerUnit) : OptionalDouble.empty();
    }
}
