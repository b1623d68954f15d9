package io.golive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.checklist.ThresholdParser;
import io.golive.rollout.Action;
import io.golive.rollout.ActionResult;
import io.golive.rollout.Metric;
import io.golive.rollout.Plan;
import io.golive.rollout.Reading;
import io.golive.rollout.Step;
import io.golive.rollout.Trigger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RolloutCommandTest {
    private static final Action NONE = new Action() {
        @Override
        public ActionResult run(int weight, Duration timeout) {
            return ActionResult.ok("ok", "");
        }

        @Override
        public Map<String, Object> describe() {
            return Map.of();
        }
    };

    @Test
    void theStatusLineShowsStepWeightTimeLeftAndEachMetricAgainstItsTrigger() {
        Plan plan = new Plan(
                "shop",
                List.of(
                        new Step.Weight(10, "g:1"),
                        new Step.Hold(Duration.ofHours(2), "g:1"),
                        new Step.Weight(100, "g:1")),
                Duration.ofMinutes(1),
                Map.of("error rate", new Metric("error rate", Optional.of("ratio"), "g:2", d -> Reading.none("x"))),
                List.of(new Trigger(
                        "error rate",
                        ThresholdParser.parse("error rate > 1%"),
                        Duration.ZERO,
                        Trigger.Then.ROLLBACK,
                        "L:1")),
                Plan.NoData.DEFAULT,
                new Plan.Configured("command", NONE, Duration.ofSeconds(1), 0),
                Optional.empty());
        Map<String, Object> reading = Map.of(
                "type",
                "reading",
                "step",
                1,
                "weight",
                10,
                "status",
                "PAUSED",
                "held",
                "PT1H30M",
                "metrics",
                Map.of("error rate", Map.of("value", 0.004, "unit", "ratio")));

        assertThat(RolloutLines.statusLine(plan, reading))
                .isEqualTo("step 2/3 at 10%, 1800s left | error rate 0.004 ratio (> 1%) | PAUSED");
        assertThat(RolloutLines.line(Map.of("at", "2026-12-01T09:00:00Z", "type", "paused", "reason", "requested")))
                .isEqualTo("09:00:00 paused requested");
    }
}
