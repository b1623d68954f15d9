package io.golive.probe;

import io.golive.checklist.Threshold;
import io.golive.spec.Secrets;
import io.golive.spec.Target;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a probe may use besides its configuration: targets, time, the spec's folder, the thresholds the
 * bound item's text carries, and the secrets to mask.
 *
 * @param deadline the check must return by then; probes set their own I/O timeouts from it
 * @param inherited thresholds of the bound item, for a check without an {@code expect} of its own
 */
public record ProbeContext(
        Clock clock,
        Instant deadline,
        java.util.Map<String, Target> targets,
        Path baseDir,
        List<Threshold> inherited,
        Secrets secrets) {
    public ProbeContext {
        targets = java.util.Map.copyOf(targets);
        inherited = List.copyOf(inherited);
    }

    /** Time left before the deadline, never negative. */
    public Duration remaining() {
        Duration left = Duration.between(clock.instant(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    public Optional<Target> target(String name) {
        return Optional.ofNullable(targets.get(name));
    }
}
