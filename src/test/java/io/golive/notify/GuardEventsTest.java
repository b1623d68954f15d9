package io.golive.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GuardEventsTest {
    private static final Launch SHOP = new Launch("shop", "shop");
    private static final String AT = "2026-12-01T09:00:00Z";

    @Test
    void aSuccessfulWeightStepIsAPromotion() {
        var e = GuardEvents.toEvent(SHOP, Map.of("type", "weight", "at", AT, "weight", 50, "ok", true, "attempts", 1));

        assertThat(e).get().satisfies(ev -> {
            assertThat(ev.type()).isEqualTo("rollout.promoted");
            assertThat(ev.details()).containsExactly(Map.entry("weight", 50));
            assertThat(ev.at()).hasToString(AT);
        });
    }

    @Test
    void aFailedReappliedOrZeroWeightIsNoPromotion() {
        assertThat(GuardEvents.toEvent(SHOP, Map.of("type", "weight", "at", AT, "weight", 50, "ok", false)))
                .isEmpty();
        assertThat(GuardEvents.toEvent(
                        SHOP, Map.of("type", "weight", "at", AT, "weight", 50, "ok", true, "reapplied", true)))
                .isEmpty();
        assertThat(GuardEvents.toEvent(SHOP, Map.of("type", "weight", "at", AT, "weight", 0, "ok", true)))
                .isEmpty();
    }

    @Test
    void startPauseResumeRollbackAndCompletionAreToldReadingsAreNot() {
        assertThat(GuardEvents.toEvent(SHOP, Map.of("type", "started", "at", AT, "decision", "GO", "steps", 3)))
                .get()
                .satisfies(ev -> assertThat(ev.details()).containsOnlyKeys("decision"));
        assertThat(GuardEvents.toEvent(SHOP, Map.of("type", "paused", "at", AT, "reason", "no data")))
                .get()
                .extracting(Event::type)
                .isEqualTo("rollout.paused");
        assertThat(GuardEvents.toEvent(SHOP, Map.of("type", "resumed", "at", AT, "healthy", "PT1M")))
                .get()
                .satisfies(ev -> assertThat(ev.type()).isEqualTo("rollout.resumed"))
                .satisfies(ev -> assertThat(ev.details()).containsEntry("healthy", "PT1M"));
        assertThat(GuardEvents.toEvent(SHOP, Map.of("type", "rollback", "at", AT, "reason", "p95 > 1s")))
                .get()
                .extracting(Event::type)
                .isEqualTo("rollout.rolled_back");
        assertThat(GuardEvents.toEvent(SHOP, Map.of("type", "completed", "at", AT, "weight", 100)))
                .get()
                .extracting(Event::type)
                .isEqualTo("rollout.completed");
        assertThat(GuardEvents.toEvent(SHOP, Map.of("type", "reading", "at", AT)))
                .isEmpty();
        assertThat(GuardEvents.toEvent(SHOP, Map.of("type", "trigger", "at", AT)))
                .isEmpty();
    }
}
