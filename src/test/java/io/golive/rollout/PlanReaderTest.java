package io.golive.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.golive.InputException;
import io.golive.checklist.Checklist;
import io.golive.checklist.ChecklistImporter;
import io.golive.probe.ProbeRegistry;
import io.golive.spec.LaunchSpec;
import io.golive.spec.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanReaderTest {
    private static final String CHECKLIST = """
            # Checkout go-live

            ## Launch
            1. **Gradual rollout**
               - Start with 10% traffic
               - Monitor for 2 hours
               - Increase to 50% if metrics stable
               - Monitor for 4 hours
               - Full rollout if all green

            ## Rollback Procedure
            - If P95 > 1s: AUTO ROLLBACK
            - If error rate > 1%: AUTO ROLLBACK
            - Security breach detected

            ## Pre-launch
            - [x] Load test passed
            """;

    private static final String METRICS = """
              metrics:
                error rate: { prometheus: { url: "http://127.0.0.1:9", query: "sum(rate(errors[1m]))", unit: ratio } }
                p95:        { prometheus: { url: "http://127.0.0.1:9", query: "histogram_quantile(0.95, x)", unit: s } }
            """;

    @TempDir
    Path dir;

    private final ProbeRegistry registry = ProbeRegistry.load(getClass().getClassLoader());

    private Plan read(String rollout) throws Exception {
        Files.writeString(dir.resolve("LAUNCH.md"), CHECKLIST);
        Path spec = Files.writeString(dir.resolve("golive.yaml"), "name: shop\nchecklist: LAUNCH.md\n" + rollout);
        SpecLoader loader = new SpecLoader(registry.kinds(), Map.of("FLAG_TOKEN", "s3cret-token"));
        LaunchSpec launch = loader.load(spec);
        ChecklistImporter importer = new ChecklistImporter();
        Path md = dir.resolve("LAUNCH.md");
        Checklist c = importer.parse(md.toString(), importer.readText(md));
        return new PlanReader(registry, List.of(), Clock.systemUTC())
                .read(launch, loader.section(launch, "rollout"), List.of(c));
    }

    @Test
    void withoutStepsThePlanIsTheChecklistsAndItsNumericTriggersApply() throws Exception {
        Plan plan = read("rollout:\n  traffic: { command: [./set-weight.sh, \"{weight}\"] }\n" + METRICS);

        assertThat(plan.steps())
                .extracting(Step::toJson)
                .containsExactly(
                        Map.of("weight", 10),
                        Map.of("hold", "PT2H"),
                        Map.of("weight", 50),
                        Map.of("hold", "PT4H"),
                        Map.of("weight", 100));
        assertThat(plan.steps().getFirst().source()).isEqualTo("LAUNCH.md:5");
        assertThat(plan.triggers())
                .extracting(Trigger::describe, Trigger::source)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("p95 > 1s, then rollback", "LAUNCH.md:12"),
                        org.assertj.core.groups.Tuple.tuple("error rate > 1%, then rollback", "LAUNCH.md:13"));
        assertThat(plan.interval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(plan.noData()).isEqualTo(Plan.NoData.DEFAULT);
    }

    @Test
    void specStepsAndTriggersAddToTheChecklistAndTheSameConditionReplacesIt() throws Exception {
        Plan plan = read("""
                rollout:
                  steps: [5%, hold 30m, 100%, watch 24h]
                  interval: 30s
                  traffic: { command: [./set-weight.sh, "{weight}"], timeout: 10s, retries: 1 }
                  rollback: { webhook: { url: "https://flags.example/api/checkout", method: PUT, headers: { Authorization: "Bearer ${FLAG_TOKEN}" }, body: '{"percent": {weight}}' } }
                  triggers:
                    - when: "p95 > 800ms"
                      for: 2m
                      then: pause
                    - when: "error rate > 1%"
                      for: 1m
                  noData: { after: 5, then: pause }
                """ + METRICS.replace("  metrics:", "  metrics:"));

        assertThat(plan.steps())
                .extracting(Step::toJson)
                .containsExactly(
                        Map.of("weight", 5), Map.of("hold", "PT30M"), Map.of("weight", 100), Map.of("watch", "PT24H"));
        assertThat(plan.triggers())
                .extracting(Trigger::describe)
                .containsExactly(
                        "p95 > 1s, then rollback",
                        "error rate > 1% for 1m, then rollback",
                        "p95 > 800ms for 2m, then pause");
        assertThat(plan.triggers().get(1).source()).isEqualTo("golive.yaml:12");
        assertThat(plan.noData()).isEqualTo(new Plan.NoData(5, Trigger.Then.PAUSE));
        assertThat(plan.traffic().retries()).isEqualTo(1);
        assertThat(plan.traffic().timeout()).isEqualTo(Duration.ofSeconds(10));
        String shown = PlanView.json(plan).toString();
        assertThat(shown).contains("Bearer ****").doesNotContain("s3cret-token");
    }

    @Test
    void aRatioComparesWithAPercentAndATimeUnitConverts() throws Exception {
        Plan plan = read("rollout:\n  steps: [10%, hold 1h, 100%]\n  traffic: { command: [/bin/true] }\n" + METRICS);
        Trigger errors = plan.triggers().get(1);
        Trigger p95 = plan.triggers().get(0);

        assertThat(errors.breachedBy(0.012, Optional.of("ratio"))).contains(true);
        assertThat(errors.breachedBy(0.009, Optional.of("ratio"))).contains(false);
        assertThat(p95.breachedBy(1.2, Optional.of("s"))).contains(true);
        assertThat(p95.breachedBy(900, Optional.of("ms"))).contains(false);
    }

    @Test
    void aBadSpecNamesEveryProblemWithItsFileAndLine() throws Exception {
        InputException e = catchThrowableOfType(InputException.class, () -> read("""
                rollout:
                  steps: [hold 1h, 150%, 50%, watch 1h]
                  traffic: { command: "./set-weight.sh" }
                  triggers:
                    - when: "latency > 800ms"
                  metrics:
                    p95: { prometheus: { url: "http://127.0.0.1:9", query: "x", unit: ratio } }
                """));

        assertThat(e).isNotNull();
        String all = String.join("\n", e.problems());
        assertThat(all)
                .contains(
                        "LAUNCH.md:13: trigger 'If error rate > 1%: AUTO ROLLBACK' reads metric 'error rate', which rollout.metrics does not define (defined: p95)")
                .contains("LAUNCH.md:12: metric 'p95' is in ratio, which does not compare with > 1s")
                .contains("golive.yaml:4: rollout.steps: a hold before any weight")
                .contains("golive.yaml:4: rollout.steps: weight 150% is not between 1% and 100%")
                .contains("golive.yaml:4: rollout.steps: 'watch' comes after 100%")
                .contains("golive.yaml:5: traffic.command: expected the program and its arguments as a list")
                .contains(
                        "golive.yaml:7: trigger 'latency > 800ms' reads metric 'latency', which rollout.metrics does not define");
        assertThat(all).doesNotContain("Exception").doesNotContain("JsonToken");
    }

    @Test
    void aSpecWithoutARolloutSectionIsAProblem() throws Exception {
        InputException e = catchThrowableOfType(InputException.class, () -> read(""));

        assertThat(e.getMessage()).contains("golive.yaml:1: no 'rollout:' section");
    }
}
