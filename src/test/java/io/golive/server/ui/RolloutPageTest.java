package io.golive.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.checklist.Op;
import io.golive.checklist.Threshold;
import io.golive.rollout.Step;
import io.golive.rollout.Trigger;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RolloutPageTest {
    private static Trigger trigger(double value, String unit) {
        return new Trigger(
                "m",
                new Threshold(Optional.of("m"), Op.GT, value, Optional.of(unit), "m > " + value + unit),
                Duration.ZERO,
                Trigger.Then.ROLLBACK,
                "LAUNCH.md:1");
    }

    @Test
    void aTriggersLimitIsDrawnInTheUnitTheMetricIsReadIn() {
        assertThat(RolloutPage.limitIn(trigger(1, "%"), Optional.of("ratio"))).contains(0.01);
        assertThat(RolloutPage.limitIn(trigger(800, "ms"), Optional.of("s"))).contains(0.8);
        assertThat(RolloutPage.limitIn(trigger(99.5, "%"), Optional.empty())).contains(99.5);
        assertThat(RolloutPage.limitIn(trigger(800, "ms"), Optional.of("ratio")))
                .isEmpty();
    }

    @Test
    void stepsAndHoldsReadAsPeopleSayThem() {
        assertThat(RolloutPage.label(new Step.Weight(10, "x"))).isEqualTo("10%");
        assertThat(RolloutPage.label(new Step.Hold(Duration.ofHours(2), "x"))).isEqualTo("hold 2h");
        assertThat(RolloutPage.label(new Step.Watch(Duration.ofHours(24), "x"))).isEqualTo("watch 1d");
        assertThat(RolloutPage.words(Duration.ofSeconds(80))).isEqualTo("1m 20s");
        assertThat(RolloutPage.words(Duration.ofSeconds(60))).isEqualTo("1m");
        assertThat(RolloutPage.words(Duration.ofMinutes(125))).isEqualTo("2h 5m");
        assertThat(RolloutPage.words(Duration.ofSeconds(9))).isEqualTo("9s");
    }
}
