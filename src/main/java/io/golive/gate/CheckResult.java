package io.golive.gate;

import static java.util.Objects.requireNonNull;

import io.golive.probe.Observation;
import java.util.Optional;

/**
 * One check of the spec, run: what it was bound to and what it observed.
 *
 * @param name the check's name (its item's text when it has no name of its own)
 * @param type the probe kind ("http", "tls" ...)
 * @param itemId the item it verifies, when it is bound to one
 * @param criterionId the Go/No-Go criterion it measures, when it is bound to one
 */
public record CheckResult(
        String name,
        String type,
        Optional<String> itemId,
        boolean blocking,
        Observation observation,
        long durationMs,
        Optional<String> criterionId) {
    public CheckResult {
        requireNonNull(name, "null name");
        requireNonNull(type, "null type");
        requireNonNull(itemId, "null itemId");
        requireNonNull(observation, "null observation");
        requireNonNull(criterionId, "null criterionId");
    }

    /** A check that measures no criterion. */
    public CheckResult(
            String name,
            String type,
            Optional<String> itemId,
            boolean blocking,
            Observation observation,
            long durationMs) {
        this(name, type, itemId, blocking, observation, durationMs, Optional.empty());
    }
}
