package io.golive.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.gate.CheckResult;
import io.golive.gate.Decision;
import io.golive.probe.SpecRun;
import io.golive.probe.Status;
import io.golive.server.demo.DemoLaunches.DemoLaunch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample launches as the core runs them against the sample target: what the demo's tour promises. */
class DemoLaunchesTest {
    private static final LocalDate DAY_ONE = LocalDate.of(2026, 3, 2);

    @TempDir
    static Path dir;

    private static SampleTarget target;
    private static List<DemoLaunch> samples;

    @BeforeAll
    static void start() {
        target = SampleTarget.start(0, SampleTarget.Settings.DEFAULT);
        samples = DemoLaunches.load(target.url(), DAY_ONE);
    }

    @AfterAll
    static void stop() {
        target.close();
    }

    @Test
    void placeholdersAreFilledWithTheTargetAndDatesFromDayOne() {
        String spec = DemoLaunches.fill(
                "launch: @LAUNCH+7d@\nearlier: @LAUNCH-3d@\nurl: \"@TARGET@\"\n", "http://127.0.0.1:1234", DAY_ONE);
        assertThat(spec)
                .isEqualTo(
                        "launch: 2026-03-09T09:00:00Z\nearlier: 2026-02-27T09:00:00Z\nurl: \"http://127.0.0.1:1234\"\n");
        samples.forEach(s -> assertThat(s.sources().spec()).doesNotContain("@").contains(target.url()));
    }

    @Test
    void samplesUseNoProbeTheServerKeepsOff() {
        samples.forEach(
                s -> assertThat(s.sources().spec()).doesNotContain("command:").doesNotContain("file:"));
    }

    @Test
    void everyCheckOfStorefrontAndCheckoutPassesAgainstTheSampleTarget() throws IOException {
        for (String name : List.of("storefront-search", "checkout-v3")) {
            SpecRun run = run(name);
            assertThat(run.results()).isNotEmpty();
            run.results()
                    .forEach(r -> assertThat(r.observation().status())
                            .as(name + ": " + r.name() + ": " + r.observation().summary())
                            .isEqualTo(Status.PASS));
            assertThat(run.evaluation().decision()).as(name).isEqualTo(Decision.GO);
        }
    }

    @Test
    void partnerApiIsNoGoForTheMissingContentSecurityPolicy() throws IOException {
        SpecRun run = run("partner-api");
        assertThat(run.evaluation().decision()).isEqualTo(Decision.NO_GO);
        assertThat(run.evaluation().reasons())
                .anySatisfy(r -> assertThat(r).startsWith("FAIL").contains("missing Content-Security-Policy"));
        List<CheckResult> failed = run.results().stream()
                .filter(r -> r.observation().status() != Status.PASS)
                .toList();
        assertThat(failed).singleElement().satisfies(r -> assertThat(r.type()).isEqualTo("headers"));
    }

    private static SpecRun run(String name) throws IOException {
        DemoLaunch sample =
                samples.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
        Path folder = Files.createDirectories(dir.resolve(name));
        String spec = sample.sources().spec().replaceFirst("(?m)^checklist: .*$", "checklist: LAUNCH.md");
        String checklist = sample.sources().checklists().values().iterator().next();
        return SpecRun.of(folder, checklist, spec, Map.of());
    }
}
