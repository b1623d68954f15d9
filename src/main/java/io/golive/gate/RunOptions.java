package io.golive.gate;

import java.time.Duration;

/**
 * Limits of one run of checks.
 *
 * @param checkTimeout a check's default time limit (10 s)
 * @param overall the whole run's time limit
 * @param parallel how many checks run at once
 * @param perTarget how many checks run at once against one target
 */
public record RunOptions(Duration checkTimeout, Duration overall, int parallel, int perTarget) {
    public static final Duration DEFAULT_CHECK_TIMEOUT = Duration.ofSeconds(10);

    public static RunOptions defaults() {
        return new RunOptions(DEFAULT_CHECK_TIMEOUT, Duration.ofMinutes(10), 64, 16);
    }

    public RunOptions {
        if (parallel < 1 || perTarget < 1) {
            throw new IllegalArgumentException("parallel and perTarget must be at least 1");
        }
    }
}
