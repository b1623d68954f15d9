package io.golive.rollout;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the guard does on launch day: the steps, the metrics it reads every {@code interval}, the
 * triggers over them, and the actions that move traffic and roll back.
 *
 * @param rollback run after traffic is set to 0 when rolling back; none: traffic to 0 is the rollback
 */
public record Plan(
        String name,
        List<Step> steps,
        Duration interval,
        Map<String, Metric> metrics,
        List<Trigger> triggers,
        NoData noData,
        Configured traffic,
        Optional<Configured> rollback) {
    /** After {@code after} consecutive readings with a metric missing, {@code then}. */
    public record NoData(int after, Trigger.Then then) {
        public static final NoData DEFAULT = new NoData(3, Trigger.Then.ROLLBACK);
    }

    /**
     * An action as the spec configures it.
     *
     * @param kind its key ("command", "webhook", "kubernetes")
     * @param retries attempts after the first when it fails, with back-off
     */
    public record Configured(String kind, Action action, Duration timeout, int retries) {
        public Configured {
            requireNonNull(kind, "null kind");
            requireNonNull(action, "null action");
            requireNonNull(timeout, "null timeout");
        }
    }

    public Plan {
        requireNonNull(name, "null name");
        requireNonNull(interval, "null interval");
        requireNonNull(noData, "null noData");
        requireNonNull(traffic, "null traffic");
        requireNonNull(rollback, "null rollback");
        steps = List.copyOf(steps);
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
        triggers = List.copyOf(triggers);
    }
}
