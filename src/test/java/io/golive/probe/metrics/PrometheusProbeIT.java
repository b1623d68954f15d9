package io.golive.probe.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.golive.checklist.Threshold;
import io.golive.checklist.ThresholdParser;
import io.golive.probe.Observation;
import io.golive.probe.Status;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The prometheus probe against a real Prometheus scraping the test's metrics every second. */
class PrometheusProbeIT {
    static final String P95 = "histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket[5s])))";
    static final String ERROR_RATIO =
            "sum(rate(http_requests_total{code=~\"5..\"}[5s])) / sum(rate(http_requests_total[5s]))";

    private static AppMetrics app;
    private static PrometheusServer prometheus;

    private final PrometheusProbe probe = new PrometheusProbe();

    @BeforeAll
    static void start() throws Exception {
        app = new AppMetrics();
        prometheus = PrometheusServer.start(Files.createTempDirectory("golive-prometheus"), app.port());
        prometheus.awaitSeries("app_cpu_usage_ratio", 2);
        prometheus.awaitSeries(P95, 1);
        prometheus.awaitSeries(ERROR_RATIO, 1);
        prometheus.awaitRulesEvaluated();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (prometheus != null) {
            prometheus.close();
        }
        if (app != null) {
            app.close();
        }
    }

    private Observation run(String fields) {
        return run(fields, List.of());
    }

    private Observation run(String fields, List<Threshold> inherited) {
        String yaml = "{url: \"" + prometheus.url() + "\", " + fields + "}";
        return probe.run(
                Probes.config(PrometheusConfig.class, yaml), Probes.context(Duration.ofSeconds(15), inherited));
    }

    private static String q(String promql) {
        return "query: '" + promql.replace("'", "''") + "'";
    }

    @Test
    void p95FromAHistogramIsComparedInSecondsWithAMillisecondThreshold() {
        Observation o = run(q(P95) + ", expect: \"< 500ms\"");
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat((Double) o.measurements().get("value")).isCloseTo(AppMetrics.P95, within(1e-9));
        assertThat(o.summary()).isEqualTo("193.75ms < 500ms");
        assertThat(o.evidence().get("expect")).isEqualTo("< 500ms -> < 0.5 in base units");
        assertThat(o.evidence().get("request")).startsWith("GET " + prometheus.url() + "/api/v1/query?query=");
    }

    @Test
    void p95AboveTheThresholdFails() {
        Observation o = run(q(P95) + ", expect: \"p95 < 150ms\"");
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary()).isEqualTo("not < 150ms: {} = 193.75ms");
    }

    @Test
    void everySeriesIsJudgedAndReportedWithItsLabels() {
        Observation o = run(q("app_cpu_usage_ratio") + ", expect: \"< 80%\"");
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary())
                .startsWith("1 of 2 series not < 80%: app_cpu_usage_ratio{core=\"1\",")
                .endsWith("= 92%");
        assertThat(o.measurements())
                .containsEntry("series", 2)
                .containsEntry("failing", 1)
                .containsEntry("value", 0.92);
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) o.measurements().get("values");
        assertThat(values).hasSize(2).containsValues(0.35, 0.92);
        assertThat(values.keySet()).allMatch(k -> k.contains("job=\"app\""));

        Observation all = run(q("app_cpu_usage_ratio") + ", expect: \"< 95%\"");
        assertThat(all.status()).isEqualTo(Status.PASS);
        assertThat(all.summary()).isEqualTo("all 2 series < 95% (worst 92%)");
    }

    @Test
    void aPercentThresholdComparesWithARatio() {
        assertThat(run(q(ERROR_RATIO) + ", expect: \"< 0.5%\"").status()).isEqualTo(Status.PASS);
        Observation o = run(q(ERROR_RATIO) + ", expect: \"error rate < 0.01%\"");
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary()).isEqualTo("not < 0.01%: {} = 0.05%");
        String hits = "sum(rate(cache_requests_total{result=\"hit\"}[5s])) / sum(rate(cache_requests_total[5s]))";
        assertThat(run(q(hits) + ", expect: \"> 85%\"").summary()).isEqualTo("90% > 85%");
    }

    @Test
    void theItemsThresholdAppliesWhenTheCheckHasNoExpect() {
        Observation pass = run(q(P95), ThresholdParser.findAll("API latency (p95 < 500ms)"));
        assertThat(pass.status()).isEqualTo(Status.PASS);
        assertThat(pass.summary()).isEqualTo("193.75ms < 500ms (from the item)");
        Observation fail = run(q(P95), ThresholdParser.findAll("API latency p95 under 100ms"));
        assertThat(fail.status()).isEqualTo(Status.FAIL);
        Observation own = run(q(P95) + ", expect: \"< 1s\"", ThresholdParser.findAll("p95 < 100ms"));
        assertThat(own.status()).as("the check's own expect wins").isEqualTo(Status.PASS);
    }

    @Test
    void aMetricThatDoesNotExistIsNoData() {
        Observation o = run(q("no_such_metric_total") + ", expect: \"< 1\"");
        assertThat(o.status()).isEqualTo(Status.ERROR);
        assertThat(o.summary()).startsWith("no data: the query returned no series");
    }

    @Test
    void nanIsNoDataNeverAPass() {
        Observation o = run(q("vector(0) / vector(0)") + ", expect: \"< 1%\"");
        assertThat(o.status()).isEqualTo(Status.ERROR);
        assertThat(o.summary()).startsWith("no data: the value is NaN");
        assertThat(run(q("vector(0) / vector(0)")).status()).isEqualTo(Status.ERROR);
    }

    @Test
    void aSyntaxErrorIsAnErrorWithPrometheusMessage() {
        Observation o = run(q("sum(rate(http_requests_total[1m])") + ", expect: \"< 1\"");
        assertThat(o.status()).isEqualTo(Status.ERROR);
        assertThat(o.summary())
                .startsWith("Prometheus refused the query (bad_data): ")
                .contains("parse error");
    }

    @Test
    void aRangeVectorInAnInstantQueryIsAnError() {
        Observation o = run(q("app_cpu_usage_ratio[5s]") + ", expect: \"< 1\"");
        assertThat(o.status()).isEqualTo(Status.ERROR);
        assertThat(o.summary()).contains("range vector");
    }

    @Test
    void aPrometheusThatIsDownIsAnError() throws Exception {
        int port = LocalServer.freePort();
        Observation o = probe.run(
                Probes.config(PrometheusConfig.class, "{url: \"http://127.0.0.1:" + port + "\", query: up}"),
                Probes.context(Duration.ofSeconds(5), List.of()));
        assertThat(o.status()).isEqualTo(Status.ERROR);
        assertThat(o.summary()).isEqualTo("connection refused (127.0.0.1:" + port + ")");
    }

    @Test
    void aRangeHoldsAtEveryStep() throws InterruptedException {
        awaitHistory(Duration.ofSeconds(8));
        Observation o = run(q("max(app_cpu_usage_ratio{core=\"0\"})") + ", expect: \"< 80%\", over: 5s, step: 1s");
        assertThat(o.status()).as(o.summary()).isEqualTo(Status.PASS);
        assertThat(o.measurements())
                .containsEntry("steps", 6)
                .containsEntry("stepsWithData", 6)
                .containsEntry("worst", 0.35);
        assertThat(o.summary()).startsWith("< 80% at every one of 6 steps over 5s; worst 35% at ");
    }

    @Test
    void aRangeFailsAndReportsItsWorstValueAndWhen() throws InterruptedException {
        awaitHistory(Duration.ofSeconds(8));
        Instant before = Instant.now();
        Observation o = run(q("app_cpu_usage_ratio") + ", expect: \"< 80%\", over: 5s, step: 1s");
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.measurements()).containsEntry("worst", 0.92).containsEntry("failingSteps", 6);
        assertThat((String) o.measurements().get("worstSeries")).contains("core=\"1\"");
        Instant at = Instant.parse((String) o.measurements().get("worstAt"));
        assertThat(at).isBetween(before.minusSeconds(7), before.plusSeconds(1));
        assertThat(o.summary()).startsWith("not < 80% at 6 steps over 5s (first at ");
        assertThat(o.evidence().get("window")).endsWith("every 1s");
    }

    @Test
    void aRangeWithGapsOrNoDataIsAnError() {
        Observation none = run(q("no_such_metric") + ", expect: \"< 1\", over: 5s, step: 1s");
        assertThat(none.status()).isEqualTo(Status.ERROR);
        assertThat(none.summary()).startsWith("no data over 5s");
        // Prometheus has scraped for seconds, not for an hour: most of the hour's steps have no data.
        Observation gaps = run(q("app_cpu_usage_ratio{core=\"0\"}") + ", expect: \"< 80%\", over: 1h, step: 1m");
        assertThat(gaps.status()).isEqualTo(Status.ERROR);
        assertThat(gaps.summary()).startsWith("no data at ").contains(" of 61 steps over 1h (first gap at ");
    }

    @Test
    void alertingAndRecordingRulesAreLoadedAndHealthy() {
        Observation alert = run("rule: HighErrorRate");
        assertThat(alert.status()).isEqualTo(Status.PASS);
        assertThat(alert.summary())
                .startsWith("alerting rule 'HighErrorRate' is loaded and healthy (group app, state inactive");
        assertThat(alert.measurements()).containsEntry("ruleType", "alerting").containsEntry("health", "ok");
        assertThat(alert.evidence().get("expr")).contains("http_requests_total");
        Observation recording = run("rule: \"job:http_request_duration_seconds:p95\"");
        assertThat(recording.status()).isEqualTo(Status.PASS);
        assertThat(recording.measurements()).containsEntry("ruleType", "recording");
    }

    @Test
    void aRuleThatIsNotLoadedFailsAndNamesTheLoadedOnes() {
        Observation o = run("rule: HighLatency");
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary())
                .isEqualTo("no rule 'HighLatency' is loaded (3 rules in 2 groups: HighErrorRate, broken:cpu_all_cores,"
                        + " job:http_request_duration_seconds:p95)");
    }

    @Test
    void aRuleWhoseEvaluationFailsIsUnhealthy() {
        Observation o = run("rule: \"broken:cpu_all_cores\"");
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary())
                .startsWith("recording rule 'broken:cpu_all_cores' (group broken) is unhealthy (err): ")
                .contains("same labelset");
    }

    @Test
    void aQueryAndARuleInOneCheckAreBothVerified() {
        Observation o = run(q(P95) + ", expect: \"< 500ms\", rule: HighLatency");
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary()).startsWith("no rule 'HighLatency'");
        assertThat(o.measurements()).containsKey("value").containsEntry("loaded", false);
    }

    @Test
    void headersAreSentAndCredentialsNeverShown() {
        Observation o = run(q("vector(1)") + ", expect: \"= 1\", headers: {Authorization: \"Bearer tok-SECRET-1\","
                + " X-Scope-OrgID: tenant-a}");
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.evidence().get("request")).endsWith("(Authorization: ****; X-Scope-OrgID: tenant-a)");
        assertThat(o.toString()).doesNotContain("tok-SECRET-1");
        assertThat(o.evidence()).containsEntry("server", prometheus.url());
    }

    /** Waits until Prometheus has scraped for longer than {@code history}. */
    private static void awaitHistory(Duration history) throws InterruptedException {
        LocalServer.await(
                history.toSeconds() + " s of scraped data",
                history.plusSeconds(30),
                () -> app.firstScrape() != null
                        && Duration.between(app.firstScrape(), Instant.now()).compareTo(history) > 0);
    }
}
