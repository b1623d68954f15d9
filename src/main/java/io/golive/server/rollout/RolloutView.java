package io.golive.server.rollout;

import io.golive.rollout.Step;
import io.golive.rollout.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A server rollout as people watch it (the API's {@code GET .../rollout} and the rollout page): the
 * plan's steps with the current one, the weight, the healthy time left in the hold, each metric's
 * readings against its triggers, every event and whether their chain verifies.
 *
 * @param step the index of the current step in {@code steps} ({@code steps.size()} once completed)
 * @param holdLeft healthy watched time still needed in the current hold or watch; empty at a weight step or when done
 * @param request a pause, resume or abort waiting for the guard's next reading
 * @param driver the replica driving it now (its lease), empty when none holds a live lease
 * @param verifyProblem why the event chain does not verify; empty when it does
 */
public record RolloutView(
        long id,
        long launchId,
        String launchName,
        String status,
        List<Step> steps,
        int step,
        int weight,
        Duration healthy,
        Optional<Duration> holdLeft,
        Duration interval,
        String decision,
        boolean forced,
        String startedBy,
        Instant startedAt,
        Optional<String> request,
        Optional<String> driver,
        List<MetricReadings> metrics,
        List<Map<String, Object>> events,
        boolean verified,
        Optional<String> verifyProblem) {

    public RolloutView {
        steps = List.copyOf(steps);
        metrics = List.copyOf(metrics);
        events = List.copyOf(events);
    }

    /** The current step, empty once every step is done. */
    public Optional<Step> current() {
        return step < steps.size() ? Optional.of(steps.get(step)) : Optional.empty();
    }

    /** One metric over the rollout: its unit, the triggers over it, and every reading of it. */
    public record MetricReadings(String name, Optional<String> unit, List<Trigger> triggers, List<Point> readings) {
        public MetricReadings {
            triggers = List.copyOf(triggers);
            readings = List.copyOf(readings);
        }
    }

    /** A reading: when, the value as read (empty: no data), and the weight then. */
    public record Point(Instant at, OptionalDouble value, int weight) {}
}
