package io.golive.probe.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.Seeds;
import io.golive.checklist.ChecklistImporter;
import io.golive.gate.CriterionResult;
import io.golive.gate.Decision;
import io.golive.probe.SpecRun;
import io.golive.probe.Status;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 001's Go/No-Go table measured: each of its five pre-launch criteria bound to a query against a
 * real Prometheus scraping the test's application, every box of the checklist ticked.
 */
class CriteriaSpecIT {
    private static final String CFUR =
            "100 * (1 - sum(rate(app_sessions_crashed_total[5s])) / sum(rate(app_sessions_total[5s])))";
    private static final String BACKUP_AGE = "time() - backup_last_success_timestamp_seconds";

    @TempDir
    Path dir;

    private static String ticked;

    @BeforeAll
    static void seed() {
        Seeds.requireSeeds();
        ChecklistImporter importer = new ChecklistImporter();
        ticked = importer.readText(Seeds.seed("001")).replace("- [ ]", "- [x]");
    }

    private String spec(String prometheus, String cpuQuery) {
        return """
                checklist: LAUNCH.md
                targets:
                  prom: { url: "%s" }
                checks:
                  - criterion: CFUR
                    prometheus: { target: prom, query: '%s', unit: "%%" }
                  - criterion: API Latency P95
                    prometheus: { target: prom, query: '%s' }
                  - criterion: error rate
                    prometheus: { target: prom, query: '%s' }
                  - criterion: go-no-go-decision/database-cpu
                    prometheus: { target: prom, query: '%s' }
                  - criterion: Active Backups
                    prometheus: { target: prom, query: '%s', unit: s }
                """.formatted(
                        prometheus, CFUR, PrometheusProbeIT.P95, PrometheusProbeIT.ERROR_RATIO, cpuQuery, BACKUP_AGE);
    }

    @Test
    void everyCriterionMeasuredAndMetIsGoWithActualsAndEvidence() throws Exception {
        try (AppMetrics app = new AppMetrics();
                PrometheusServer prometheus = PrometheusServer.start(dir, app.port())) {
            await(prometheus);
            SpecRun run = SpecRun.of(dir, ticked, spec(prometheus.url(), "app_cpu_usage_ratio{core=\"0\"}"), Map.of());
            List<CriterionResult> pre = preLaunch(run);
            assertThat(pre).extracting(CriterionResult::status).containsOnly(Status.PASS);
            assertThat(pre).allSatisfy(c -> assertThat(c.met()).hasValue(true));
            assertThat(pre)
                    .extracting(c -> c.actual().orElseThrow().text())
                    .containsExactly("99.9%", "193.75ms", "0.05%", "35%", actualBackupAge(pre));
            assertThat(pre.get(4).actual().orElseThrow().unit()).hasValue("h");
            assertThat(pre.get(0).checks().getFirst().observation().evidence()).containsKey("query");
            assertThat(run.evaluation().decision()).isEqualTo(Decision.GO);
            assertThat(run.json()).contains("\"actual\" : 193.75").contains("\"unit\" : \"ms\"");
        }
    }

    @Test
    void oneUnmetCriterionIsNoGoWithItsActualValueAndUnit() throws Exception {
        try (AppMetrics app = new AppMetrics();
                PrometheusServer prometheus = PrometheusServer.start(dir, app.port())) {
            await(prometheus);
            SpecRun run = SpecRun.of(dir, ticked, spec(prometheus.url(), "max(app_cpu_usage_ratio)"), Map.of());
            assertThat(run.evaluation().decision()).isEqualTo(Decision.NO_GO);
            assertThat(run.evaluation().reasons())
                    .singleElement()
                    .asString()
                    .startsWith("criterion not met: Database CPU < 80% (actual 92%, line 136): prometheus: not < 80%");
            CriterionResult cpu = preLaunch(run).get(3);
            assertThat(cpu.met()).hasValue(false);
            assertThat(cpu.actual().orElseThrow().value()).isEqualTo(92.0);
        }
    }

    private static void await(PrometheusServer prometheus) throws InterruptedException {
        prometheus.awaitSeries(CFUR, 1);
        prometheus.awaitSeries(PrometheusProbeIT.P95, 1);
        prometheus.awaitSeries(PrometheusProbeIT.ERROR_RATIO, 1);
        prometheus.awaitSeries(BACKUP_AGE, 1);
    }

    private static List<CriterionResult> preLaunch(SpecRun run) {
        return run.evaluation().criteria().stream()
                .filter(c -> c.criterion().phase().gatesLaunch())
                .toList();
    }

    /** The backup is 10 minutes old at the scrape, a little more by the query: about 0.17 h. */
    private static String actualBackupAge(List<CriterionResult> pre) {
        double h = pre.get(4).actual().orElseThrow().value();
        assertThat(h).isBetween(0.16, 0.2);
        return pre.get(4).actual().orElseThrow().text();
    }
}
