package io.golive.checklist;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One step of a gradual rollout plan: a traffic share or a hold.
 *
 * @param trafficPercent the share of traffic this step moves to, when it moves traffic
 * @param hold how long to watch before the next step (ISO-8601), when it is a hold
 */
public record RolloutStep(String text, Optional<Double> trafficPercent, Optional<String> hold, int line) {
    public RolloutStep {
        requireNonNull(text, "null text");
        requireNonNull(trafficPercent, "null trafficPercent");
        requireNonNull(hold, "null hold");
    }
}
