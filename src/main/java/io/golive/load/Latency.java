package io.golive.load;

import org.HdrHistogram.Histogram;

/**
 * Latency percentiles of a load test, in milliseconds.
 *
 * @param count the number of responses measured; 0 means there is no latency to speak of
 */
public record Latency(
        long count, double p50, double p90, double p95, double p99, double p999, double max, double mean) {
    static final Latency NONE = new Latency(0, 0, 0, 0, 0, 0, 0, 0);

    /** Percentiles of a histogram recorded in microseconds. */
    static Latency of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return NONE;
        }
        return new Latency(
                micros.getTotalCount(),
                ms(micros.getValueAtPercentile(50)),
                ms(micros.getValueAtPercentile(90)),
                ms(micros.getValueAtPercentile(95)),
                ms(micros.getValueAtPercentile(99)),
                ms(micros.getValueAtPercentile(99.9)),
                ms(micros.getMaxValue()),
                micros.getMean() / 1_000);
    }

    /** The value of a percentile this record holds (50, 90, 95, 99, 99.9, 100), if it holds it. */
    java.util.OptionalDouble percentile(double p) {
        if (count == 0) {
            return java.util.OptionalDouble.empty();
        }
        if (p == 50) return java.util.OptionalDouble.of(p50);
        if (p == 90) return java.util.OptionalDouble.of(p90);
        if (p == 95) return java.util.OptionalDouble.of(p95);
        if (p == 99) return java.util.OptionalDouble.of(p99);
        if (p == 99.9) return java.util.OptionalDouble.of(p999);
        if (p == 100) return java.util.OptionalDouble.of(max);
        return java.util.OptionalDouble.empty();
    }

    /** Whether {@link #percentile} knows this percentile. */
    static boolean holds(double p) {
        return p == 50 || p == 90 || p == 95 || p == 99 || p == 99.9 || p == 100;
    }

    private static double ms(long micros) {
        return micros / 1_000.0;
    }
}
