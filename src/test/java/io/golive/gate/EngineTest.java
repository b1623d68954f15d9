package io.golive.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.golive.InputException;
import io.golive.checklist.Checklist;
import io.golive.checklist.ChecklistImporter;
import io.golive.probe.ProbeRegistry;
import io.golive.probe.Status;
import io.golive.spec.LaunchSpec;
import io.golive.spec.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine with the test plugin probe "fake": limits, timeouts, crashes, secrets, inheritance. */
class EngineTest {
    private static final String CHECKLIST = """
            # L
            ## API
            - [ ] API latency (p95 < 500ms)
            - [ ] Health endpoint responding
            - [ ] Health endpoint responding on staging
            - [ ] Error budget
            - [ ] Error budget alerts

            ## Go/No-Go Decision

            | Criterion | Threshold | Actual | Status |
            |-----------|-----------|--------|--------|
            | CFUR | ≥ 99.8% | _ | Awaiting |
            | Error Rate | < 0.1% | _ | Awaiting |

            ## Success Metrics (First Week)

            | Metric | Target |
            |--------|--------|
            | CFUR | ≥ 99.9% |
            | Uptime | ≥ 99.9% |
            """;

    @TempDir
    Path dir;

    private final ProbeRegistry registry = ProbeRegistry.load(getClass().getClassLoader());

    record Run(Checklist checklist, List<PlannedCheck> plan, List<CheckResult> results) {}

    Run run(String checks, RunOptions options) throws IOException {
        Files.writeString(dir.resolve("L.md"), CHECKLIST);
        Path spec = Files.writeString(
                dir.resolve("golive.yaml"),
                "checklist: L.md\ntargets:\n  api: { url: \"http://127.0.0.1:1\" }\nchecks:\n" + checks);
        LaunchSpec s = new SpecLoader(registry.kinds(), Map.of("SECRET", "hunter2-token")).load(spec);
        Checklist c = new ChecklistImporter().importFile(s.checklists().getFirst());
        List<PlannedCheck> plan = new Planner(registry).plan(s, c);
        return new Run(c, plan, new Engine(Clock.systemUTC()).run(s, plan, options, Progress.none()));
    }

    @Test
    void pluginProbeIsFoundThroughServiceLoader() {
        assertThat(registry.kinds()).contains("fake");
    }

    @Test
    void statusesComeFromTheProbes() throws IOException {
        Run r = run("""
                  - item: api/api-latency-p95-500ms
                    fake: { result: PASS, target: api }
                  - item: Health endpoint responding
                    fake: { result: FAIL, say: "got 500" }
                """, RunOptions.defaults());
        assertThat(r.results()).extracting(c -> c.observation().status()).containsExactly(Status.PASS, Status.FAIL);
        assertThat(r.results().get(1).itemId()).hasValue("api/health-endpoint-responding");
        Evaluation e = new Gate().evaluate(r.checklist(), r.results());
        assertThat(e.items().get(1).status()).isEqualTo(Status.FAIL);
    }

    @Test
    void aHangingProbeIsAbandonedAtItsTimeout() throws IOException {
        long start = System.nanoTime();
        Run r = run("""
                  - item: Error budget alerts
                    fake: { result: HANG }
                    timeout: 300ms
                """, RunOptions.defaults());
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.results().getFirst().observation().status()).isEqualTo(Status.ERROR);
        assertThat(r.results().getFirst().observation().summary()).isEqualTo("timeout after 300 ms");
        assertThat(ms).isLessThan(5_000);
    }

    @Test
    void aCrashingProbeIsAnErrorNotACrash() throws IOException {
        Run r = run("  - item: Error budget alerts\n    fake: { result: THROW }\n", RunOptions.defaults());
        assertThat(r.results().getFirst().observation().summary())
                .contains("probe failed")
                .contains("boom");
    }

    @Test
    void checksRunConcurrently() throws IOException {
        StringBuilder checks = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            checks.append("  - name: c").append(i).append("\n    fake: { sleep: 250ms }\n");
        }
        long start = System.nanoTime();
        Run r = run(checks.toString(), RunOptions.defaults());
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.results()).hasSize(40).allMatch(c -> c.observation().status() == Status.PASS);
        assertThat(ms).as("40 checks of 250 ms, serially 10 s").isLessThan(5_000);
    }

    @Test
    void theOverallTimeoutStopsWaitingChecks() throws IOException {
        StringBuilder checks = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            checks.append("  - name: c").append(i).append("\n    fake: { sleep: 400ms }\n");
        }
        Run r = run(checks.toString(), new RunOptions(Duration.ofSeconds(10), Duration.ofMillis(600), 1, 1));
        assertThat(r.results()).extracting(c -> c.observation().status()).contains(Status.ERROR);
        assertThat(r.results()).anyMatch(c -> c.observation().summary().contains("overall timeout"));
    }

    @Test
    void secretsAreMaskedInEverythingAProbeReturns() throws IOException {
        Run r = run("  - name: leak\n    fake: { say: \"token=${SECRET}\" }\n", RunOptions.defaults());
        CheckResult c = r.results().getFirst();
        assertThat(c.observation().toString()).doesNotContain("hunter2-token").contains("token=****");
    }

    @Test
    void itemThresholdsAreInheritedByTheCheck() throws IOException {
        Run r = run("  - item: API latency\n    fake: { result: INHERIT }\n", RunOptions.defaults());
        assertThat(r.results().getFirst().observation().summary()).contains("500");
    }

    @Test
    void wholeTextWinsOverSubstringAndAmbiguityListsCandidates() throws IOException {
        Run r = run("  - item: health endpoint responding\n    fake: {}\n", RunOptions.defaults());
        assertThat(r.results().getFirst().itemId()).hasValue("api/health-endpoint-responding");
        assertThatThrownBy(() -> run(
                        "  - item: Error\n    fake: {}\n  - item: nothing like it\n    fake: {}\n",
                        RunOptions.defaults()))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("golive.yaml:5: item 'Error' is ambiguous: it matches 2 items")
                .hasMessageContaining("api/error-budget-alerts")
                .hasMessageContaining("golive.yaml:7: item 'nothing like it' matches no item");
    }

    @Test
    void probeConfigProblemsNameTheirLine() throws IOException {
        assertThatThrownBy(() -> run(
                        "  - name: x\n    fake:\n      result: MAYBE\n  - name: y\n    fake: { colour: red }\n",
                        RunOptions.defaults()))
                .hasMessageContaining("golive.yaml:7: fake: result must be")
                .hasMessageContaining("golive.yaml:9: unknown key 'colour' in fake");
    }

    @Test
    void aCriterionCheckInheritsTheCriterionThresholdAndIsBoundToIt() throws IOException {
        Run r = run("  - criterion: cfur\n    fake: { result: INHERIT }\n", RunOptions.defaults());
        CheckResult c = r.results().getFirst();
        assertThat(c.observation().summary()).contains("99.8");
        assertThat(c.criterionId()).hasValue("go-no-go-decision/cfur");
        assertThat(c.itemId()).isEmpty();
        assertThat(c.name()).isEqualTo("CFUR");
    }

    @Test
    void criteriaAreNamedByIdOrNameAndThePreLaunchRowWins() throws IOException {
        Run r = run(
                "  - criterion: success-metrics-first-week/cfur\n    fake: {}\n  - criterion: Error rate\n    fake: {}\n",
                RunOptions.defaults());
        assertThat(r.results())
                .extracting(c -> c.criterionId().orElseThrow())
                .containsExactly("success-metrics-first-week/cfur", "go-no-go-decision/error-rate");
        assertThatThrownBy(() -> run("  - criterion: Latency\n    fake: {}\n", RunOptions.defaults()))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("golive.yaml:5: criterion 'Latency' matches no criterion")
                .hasMessageContaining("go-no-go-decision/cfur  (line ")
                .hasMessageContaining("success-metrics-first-week/uptime");
    }

    @Test
    void aNameOfSeveralPostLaunchRowsIsAmbiguous() throws IOException {
        Files.writeString(
                dir.resolve("M.md"),
                "# M\n## Success Metrics (Week 1)\n| Metric | Target |\n|---|---|\n| Uptime | ≥ 99% |\n"
                        + "## Success Metrics (Month 1)\n| Metric | Target |\n|---|---|\n| Uptime | ≥ 99.9% |\n");
        Path spec = Files.writeString(
                dir.resolve("m.yaml"), "checklist: M.md\nchecks:\n  - criterion: uptime\n    fake: {}\n");
        LaunchSpec s = new SpecLoader(registry.kinds(), Map.of()).load(spec);
        Checklist c = new ChecklistImporter().importFile(s.checklists().getFirst());
        assertThatThrownBy(() -> new Planner(registry).plan(s, c))
                .hasMessageContaining("m.yaml:3: criterion 'uptime' is ambiguous: it names 2 rows")
                .hasMessageContaining("success-metrics-week-1/uptime")
                .hasMessageContaining("success-metrics-month-1/uptime");
    }

    @Test
    void checksOfOneBusyTargetDoNotHoldGlobalSlots() throws IOException {
        StringBuilder checks = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            checks.append("  - name: slow").append(i).append("\n    fake: { sleep: 400ms, target: api }\n");
        }
        checks.append("  - name: other\n    fake: { sleep: 10ms, url: \"http://127.0.0.2:9\" }\n");
        Map<String, Long> finished = new java.util.concurrent.ConcurrentHashMap<>();
        Files.writeString(dir.resolve("L.md"), CHECKLIST);
        Path spec = Files.writeString(
                dir.resolve("golive.yaml"),
                "checklist: L.md\ntargets:\n  api: { url: \"http://127.0.0.1:1\" }\nchecks:\n" + checks);
        LaunchSpec s = new SpecLoader(registry.kinds(), Map.of()).load(spec);
        Checklist c = new ChecklistImporter().importFile(s.checklists().getFirst());
        List<PlannedCheck> plan = new Planner(registry).plan(s, c);
        long start = System.nanoTime();
        new Engine(Clock.systemUTC())
                .run(s, plan, new RunOptions(Duration.ofSeconds(10), Duration.ofSeconds(10), 2, 1), (r, d, t, f) -> {
                    finished.put(r.name(), (System.nanoTime() - start) / 1_000_000);
                });
        assertThat(finished.get("other"))
                .as("the other endpoint's check waits for no slot the busy target's queue holds")
                .isLessThan(350);
        // one at a time on the busy target, in whichever order they got its permit: the last ends after 4 x 400ms
        long lastSlow = java.util.stream.IntStream.range(0, 4)
                .mapToLong(i -> finished.get("slow" + i))
                .max()
                .orElseThrow();
        assertThat(lastSlow).isGreaterThanOrEqualTo(1_500);
    }

    @Test
    void urlChecksAreLimitedPerSchemeHostAndPort() throws IOException {
        long start = System.nanoTime();
        Run r = run("""
                  - name: a
                    fake: { sleep: 400ms, url: "http://127.0.0.1:9/x" }
                  - name: b
                    fake: { sleep: 400ms, url: "http://127.0.0.2:9/y" }
                """, new RunOptions(Duration.ofSeconds(10), Duration.ofSeconds(10), 8, 1));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.results()).hasSize(2);
        assertThat(ms)
                .as("two endpoints, one check each at a time: in parallel")
                .isLessThan(750);
        assertThat(PlannedCheck.origin("HTTPS://Example.org/a")).isEqualTo("https://example.org:443");
        assertThat(PlannedCheck.origin("postgresql://app@127.0.0.1:5432/app")).isEqualTo("postgresql://127.0.0.1:5432");
        assertThat(r.plan().get(0).targetKey()).isNotEqualTo(r.plan().get(1).targetKey());
    }
}
