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
}
