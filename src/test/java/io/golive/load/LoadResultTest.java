package io.golive.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.golive.checklist.Op;
import io.golive.checklist.Threshold;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class LoadResultTest {
    private static final Latency LATENCY = new Latency(10_000, 12, 40, 120, 480, 900, 1500, 30);

    private static LoadResult result(long requests, long errors, Latency latency) {
        return new LoadResult(
                Instant.EPOCH,
                Duration.ofSeconds(10),
                new LoadModel.Open(1000),
                100,
                requests,
                errors,
                requests / 10.0,
                latency,
                latency,
                new TreeMap<>(Map.of(200, requests - errors, 500, errors)),
                Map.of("connect", 0L, "timeout", 0L, "io", 0L, "4xx", 0L, "5xx", errors),
                1000,
                500,
                0,
                0,
                List.of(),
                false,
                Optional.empty());
    }

    private static Threshold t(String metric, Op op, double value, String unit) {
        return new Threshold(Optional.ofNullable(metric), op, value, Optional.ofNullable(unit), "");
    }

    private static ThresholdResult only(LoadResult r, Threshold t) {
        return r.evaluate(List.of(t)).getFirst();
    }

    @Test
    void percentileThresholdInMillisecondsIsComparedWithThatPercentile() {
        LoadResult r = result(10_000, 0, LATENCY);

        assertThat(only(r, t("p95", Op.LT, 500, "ms")).met()).isTrue();
        assertThat(only(r, t("p99", Op.LT, 400, "ms")).met()).isFalse();
        assertThat(only(r, t("P99.9", Op.LE, 900, "ms")).met()).isTrue();
        assertThat(only(r, t("max", Op.LT, 1, "s")).met()).isFalse();
    }

    @Test
    void secondsAreConvertedAndReportedInTheThresholdsUnit() {
        ThresholdResult v = only(result(10_000, 0, LATENCY), t("p99", Op.LT, 1, "s"));

        assertThat(v.actual().getAsDouble()).isCloseTo(0.48, within(1e-9));
        assertThat(v.met()).isTrue();
    }

    @Test
    void errorThresholdInPercentUsesTheErrorRate() {
        LoadResult r = result(10_000, 5, LATENCY);

        assertThat(only(r, t("errors", Op.LT, 0.1, "%")).actual().getAsDouble()).isCloseTo(0.05, within(1e-9));
        assertThat(only(r, t("error rate", Op.LT, 0.1, "%")).met()).isTrue();
        assertThat(only(r, t("error rate", Op.LT, 0.0001, null)).met()).isFalse();
        assertThat(only(r, t("errors", Op.LE, 5, null)).met()).isTrue();
    }

    @Test
    void rateThresholdUsesTheAchievedRate() {
        LoadResult r = result(10_000, 0, LATENCY);

        assertThat(only(r, t("rate", Op.GE, 1000, "req/s")).met()).isTrue();
        assertThat(only(r, t("throughput", Op.GE, 1001, "req/s")).met()).isFalse();
    }

    @Test
    void thresholdWithoutMetricIsReadByItsUnit() {
        LoadResult r = result(10_000, 5, LATENCY);

        assertThat(only(r, t(null, Op.LT, 500, "ms")).actual().getAsDouble()).isEqualTo(120); // p95
        assertThat(only(r, t(null, Op.LT, 0.1, "%")).met()).isTrue(); // error rate
        assertThat(only(r, t(null, Op.GE, 1000, "req/s")).met()).isTrue(); // rate
    }

    @Test
    void concurrentUsersAreTheConnectionsTheTestRanWith() {
        LoadResult r = result(10_000, 0, LATENCY); // 100 connections

        assertThat(only(r, t("concurrent users", Op.GE, 1000, "users")).met()).isFalse();
        assertThat(only(r, t(null, Op.GE, 100, "users")).met()).isTrue();
    }

    @Test
    void metricALoadTestDoesNotMeasureIsNeverMet() {
        ThresholdResult v = only(result(10_000, 0, LATENCY), t("AUC", Op.GT, 0.7, null));

        assertThat(v.met()).isFalse();
        assertThat(v.actual()).isEmpty();
        assertThat(v.note()).contains("does not measure");
    }

    @Test
    void noFinishedRequestIsNoDataAndNeverMet() {
        ThresholdResult v = only(result(0, 0, Latency.NONE), t("errors", Op.LT, 1, "%"));

        assertThat(v.met()).isFalse();
        assertThat(v.note()).contains("no data");
    }

    @Test
    void onlyFailuresGiveNoLatencyToMeet() {
        ThresholdResult v = only(result(100, 100, Latency.NONE), t("p95", Op.LT, 500, "ms"));

        assertThat(v.met()).isFalse();
        assertThat(v.actual()).isEmpty();
    }

    @Test
    void jsonMapCarriesTheContractKeys() {
        LoadResult r = result(10_000, 5, LATENCY);
        Map<String, Object> map = r.toMap(
                r.evaluate(List.of(new Threshold(Optional.of("p95"), Op.LT, 500, Optional.of("ms"), "p95 < 500ms"))));

        assertThat(map).containsKeys("requests", "errors", "rate", "latencyMs", "status", "errorKinds", "thresholds");
        assertThat(asMap(map.get("latencyMs"))).containsOnlyKeys("p50", "p90", "p95", "p99", "p999", "max", "mean");
        assertThat(asMap(map.get("status"))).containsEntry("200", 9_995L);
        assertThat((List<?>) map.get("thresholds"))
                .singleElement()
                .isEqualTo(Map.of("expr", "p95 < 500ms", "actual", 120.0, "unit", "ms", "met", true));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }

    @Test
    void measurementsNameTheFiguresACheckReports() {
        assertThat(result(10_000, 5, LATENCY).measurements())
                .containsEntry("rate", 1000.0)
                .containsEntry("p95", 120.0)
                .containsEntry("errorRate", 0.05);
    }
}
