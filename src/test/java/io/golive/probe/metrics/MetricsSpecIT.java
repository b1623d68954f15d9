package io.golive.probe.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.probe.SpecRun;
import io.golive.probe.Status;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * prometheus and alertmanager checks in a golive.yaml, run by the engine like {@code golive check}
 * does, against a real Prometheus and Alertmanager; thresholds come from the checklist's items.
 */
class MetricsSpecIT {
    private static final String CHECKLIST = """
            # Checkout launch
            ## Monitoring
            - [ ] API latency (p95 < 500ms)
            - [ ] Error rate below 0.5%
            - [ ] CPU usage under 80% on every core
            - [ ] Alert rules configured for the error rate
            - [ ] Alerts reach the on-call receiver
            - [ ] Staging Prometheus reachable
            """;

    @TempDir
    Path dir;

    @Test
    void itemsAreJudgedByTheirOwnThresholdsAndTheTestAlertIsDelivered() throws Exception {
        try (AppMetrics app = new AppMetrics();
                WebhookSink sink = new WebhookSink();
                PrometheusServer prometheus = PrometheusServer.start(dir, app.port());
                AlertmanagerServer alertmanager = AlertmanagerServer.start(dir, sink)) {
            prometheus.awaitSeries("app_cpu_usage_ratio", 2);
            prometheus.awaitSeries(PrometheusProbeIT.P95, 1);
            prometheus.awaitSeries(PrometheusProbeIT.ERROR_RATIO, 1);
            prometheus.awaitRulesEvaluated();
            int down = LocalServer.freePort();
            SpecRun run = SpecRun.of(
                    dir,
                    CHECKLIST,
                    """
                    checklist: LAUNCH.md
                    targets:
                      prom: { url: "%s", headers: { Authorization: "Bearer ${PROM_TOKEN}" } }
                      am: { url: "%s" }
                    checks:
                      - item: API latency
                        prometheus: { target: prom, query: '%s' }
                      - item: Error rate below
                        prometheus: { target: prom, query: '%s' }
                      - item: CPU usage
                        prometheus: { target: prom, query: app_cpu_usage_ratio }
                      - item: Alert rules configured
                        prometheus: { target: prom, rule: HighErrorRate }
                      - item: Alerts reach the on-call receiver
                        alertmanager:
                          target: am
                          receiver: oncall
                          sendTest: true
                          labels: { team: payments }
                          deliveredUrl: "%s"
                        timeout: 20s
                      - item: Staging Prometheus reachable
                        prometheus: { url: "http://127.0.0.1:%d", query: up, expect: "= 1" }
                    """.formatted(
                                    prometheus.url(),
                                    alertmanager.url(),
                                    PrometheusProbeIT.P95,
                                    PrometheusProbeIT.ERROR_RATIO,
                                    sink.deliveriesUrl("oncall"),
                                    down),
                    Map.of("PROM_TOKEN", "prom-Secret-77"));
            assertThat(run.results())
                    .extracting(r -> r.observation().status())
                    .containsExactly(Status.PASS, Status.PASS, Status.FAIL, Status.PASS, Status.PASS, Status.ERROR);
            assertThat(run.check("API latency (p95 < 500ms)").observation().summary())
                    .isEqualTo("193.75ms < 500ms (from the item)");
            assertThat(run.check("Error rate below 0.5%").observation().summary())
                    .isEqualTo("0.05% < 0.5% (from the item)");
            assertThat(run.check("CPU usage under 80% on every core")
                            .observation()
                            .summary())
                    .startsWith("1 of 2 series not < 80% (from the item): app_cpu_usage_ratio{core=\"1\"");
            String id = (String) run.check("Alerts reach the on-call receiver")
                    .observation()
                    .measurements()
                    .get("alertId");
            assertThat(sink.deliveries("oncall")).anyMatch(body -> body.contains(id));
            assertThat(run.results().get(5).observation().summary()).contains("connection refused");
            assertThat(run.evaluation().decision().name()).isEqualTo("NO_GO");
            assertThat(run.json())
                    .doesNotContain("prom-Secret-77")
                    .contains("Authorization: ****")
                    .contains("app_cpu_usage_ratio{core=\\\"1\\\"");
        }
    }
}
