package io.golive.probe.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.probe.SpecRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/prometheus as a user runs it: its golive.yaml, urls pointed at a real Prometheus that loads
 * the example's rules.yml and scrapes a sample application, and a real Alertmanager.
 */
class PrometheusExampleIT {
    private static final Path EXAMPLE = Path.of("examples/prometheus").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void everyExampleCheckRunsAndOnlyTheThirtyMinuteWindowLacksData() throws Exception {
        String spec = Files.readString(EXAMPLE.resolve("golive.yaml"));
        String checklist = Files.readString(EXAMPLE.resolve("MONITORING_CHECKLIST.md"));
        try (AppMetrics app = new AppMetrics();
                WebhookSink sink = new WebhookSink();
                PrometheusServer prometheus =
                        PrometheusServer.start(dir, app.port(), Files.readString(EXAMPLE.resolve("rules.yml")));
                AlertmanagerServer alertmanager = AlertmanagerServer.start(dir, sink)) {
            prometheus.awaitSeries(PrometheusProbeIT.P95, 1);
            prometheus.awaitSeries("job:app_sessions:crash_free_ratio_1h", 1);
            prometheus.awaitRulesEvaluated();
            // Prometheus has scraped for seconds, not minutes: rate() over 5m would divide a few seconds'
            // increase by 300 s, so the absolute rates (CPU) are taken over 5s; ratios are unaffected.
            SpecRun run = SpecRun.of(
                    dir,
                    checklist,
                    spec.replace("[5m]", "[5s]")
                            .replace("http://prometheus.monitoring.svc:9090", prometheus.url())
                            .replace("http://alertmanager.monitoring.svc:9093", alertmanager.url())
                            .replace("checklist: MONITORING_CHECKLIST.md", "checklist: LAUNCH.md"),
                    Map.of());
            assertThat(run.results())
                    .extracting(r -> r.name() + ": " + r.observation().status())
                    .containsExactly(
                            "API latency (p95 < 500ms): PASS",
                            "API latency held for the last 30 minutes (p95 < 500ms): ERROR",
                            "Error rate < 0.1%: PASS",
                            "CPU usage < 80%: PASS",
                            "Cache hit rate > 40%: PASS",
                            "CFUR ≥ 99.8% (crash-free sessions over the last hour): PASS",
                            "Alert rules configured for error rate and latency: PASS",
                            "Alert rules configured for error rate and latency: PASS",
                            "CPU alert configured: PASS",
                            "Alerts reach the on-call receiver: PASS");
            assertThat(run.check("Cache hit rate > 40%").observation().summary())
                    .isEqualTo("90% > 40% (from the item)");
            assertThat(run.check("CFUR ≥ 99.8% (crash-free sessions over the last hour)")
                            .observation()
                            .summary())
                    .isEqualTo("99.9% >= 99.8%");
            assertThat(run.check("API latency held for the last 30 minutes (p95 < 500ms)")
                            .observation()
                            .summary())
                    .startsWith("no data at ");
            assertThat(run.evaluation().decision().name()).isEqualTo("NO_GO");
        }
    }
}
