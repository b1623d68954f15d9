package io.golive.probe.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.checklist.ThresholdParser;
import io.golive.probe.Observation;
import io.golive.probe.ProbeContext;
import io.golive.probe.SpecRun;
import io.golive.probe.Status;
import io.golive.spec.Secrets;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command probe with real processes. */
class CommandProbeTest {
    @TempDir
    Path dir;

    Observation run(CommandConfig c, long deadlineMs, List<io.golive.checklist.Threshold> inherited) {
        return new CommandProbe()
                .run(
                        c,
                        new ProbeContext(
                                Clock.systemUTC(),
                                Clock.systemUTC().instant().plusMillis(deadlineMs),
                                Map.of(),
                                dir,
                                inherited,
                                Secrets.none()));
    }

    static CommandConfig sh(String line, String maxDuration, String timeout) {
        return new CommandConfig(List.of(line), true, null, maxDuration, timeout);
    }

    @Test
    void exitZeroPassesAndOutputIsEvidence() {
        Observation o =
                run(new CommandConfig(List.of("echo", "restored 42 rows"), null, null, null, null), 5000, List.of());
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.measurements()).containsEntry("exitCode", 0);
        assertThat(o.evidence()).containsEntry("output", "restored 42 rows");
    }

    @Test
    void anotherExitCodeFails() {
        Observation o = run(sh("exit 3", null, null), 5000, List.of());
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary()).startsWith("exit code 3, expected 0");
    }

    @Test
    void timeoutKillsTheWholeProcessTree() {
        long start = System.nanoTime();
        Observation o = run(sh("sleep 30 & sleep 30; wait", null, "400ms"), 10_000, List.of());
        assertThat(o.status()).isEqualTo(Status.ERROR);
        assertThat(o.summary()).startsWith("timeout after 400 ms");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
    }

    @Test
    void slowerThanTheRtoFails() {
        assertThat(run(sh("sleep 0.3", "100ms", null), 5000, List.of()).status())
                .isEqualTo(Status.FAIL);
        Observation inherited = run(sh("sleep 0.3", null, null), 5000, ThresholdParser.findAll("Measure RTO (<100ms)"));
        assertThat(inherited.status()).isEqualTo(Status.FAIL);
        assertThat(inherited.summary()).contains("RTO < 100ms");
    }

    @Test
    void aMissingProgramIsAnError() {
        Observation o = run(new CommandConfig(List.of("/no/such/program"), null, null, null, null), 5000, List.of());
        assertThat(o.status()).isEqualTo(Status.ERROR);
        assertThat(o.summary()).startsWith("cannot run /no/such/program");
    }

    @Test
    void runsThroughTheEngineInTheSpecsFolder() throws IOException {
        SpecRun r = SpecRun.of(
                dir,
                "# L\n- [ ] Restore drill (RTO < 30 seconds)\n",
                "checklist: LAUNCH.md\nchecks:\n  - item: Restore drill\n    command: { run: [ls, LAUNCH.md] }\n",
                Map.of());
        assertThat(r.check("Restore drill (RTO < 30 seconds)").observation().status())
                .isEqualTo(Status.PASS);
    }
}
