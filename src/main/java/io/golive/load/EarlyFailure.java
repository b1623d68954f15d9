package io.golive.load;

import io.golive.checklist.Op;
import io.golive.checklist.Threshold;
import org.HdrHistogram.Histogram;

/**
 * Decides while a test runs whether a threshold can no longer be met, whatever the rest of the run
 * does: too many slow answers or errors for the requests still to come to dilute them.
 */
final class EarlyFailure {
    private EarlyFailure() {}

    /**
     * @param latencyMicros every answer's latency so far
     * @param requests requests finished so far
     * @param errors errors so far
     * @param expectedTotal the requests the whole run should finish (planned, or projected)
     */
    static boolean certain(Threshold t, Histogram latencyMicros, long requests, long errors, double expectedTotal) {
        var metric = LoadMetrics.metricOf(t);
        if (metric.isEmpty() || !(t.op() == Op.LT || t.op() == Op.LE)) {
            return false; // only upper limits can be known broken before the end
        }
        LoadMetrics.Metric m = metric.get();
        double total = Math.max(expectedTotal, requests);
        return switch (m.kind()) {
            case LATENCY -> slowerThan(latencyMicros, t.value() * m.msPerUnit() * 1_000) > allowedAbove(m, total);
            case ERROR_PERCENT -> errors > t.value() / 100 * total;
            case ERROR_FRACTION -> errors > t.value() * total;
            case ERROR_COUNT -> errors > t.value();
            default -> false;
        };
    }

    private static double allowedAbove(LoadMetrics.Metric m, double total) {
        return m.percentile() == 100 ? 0 : (1 - m.percentile() / 100) * total;
    }

    private static long slowerThan(Histogram h, double limitMicros) {
        if (h.getTotalCount() == 0 || h.getMaxValue() <= limitMicros) {
            return 0;
        }
        return h.getTotalCount() - h.getCountBetweenValues(0, (long) limitMicros);
    }
}
