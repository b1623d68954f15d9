package io.golive.server.rollout;

import static java.util.Objects.requireNonNull;

import io.golive.rollout.Guard;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The guard's sleeper on the server: waits on the clock until told to stop, then ends the wait as an
 * interruption would. The guard thread is never interrupted itself, so no database write is cut off
 * in the middle.
 */
final class StopSignal implements Guard.Sleeper {
    private final Clock clock;
    private boolean stopped;

    StopSignal(Clock clock) {
        this.clock = requireNonNull(clock, "null clock");
    }

    synchronized void stop() {
        stopped = true;
        notifyAll();
    }

    synchronized boolean stopped() {
        return stopped;
    }

    @Override
    public synchronized void sleepUntil(Instant t) throws InterruptedException {
        while (!stopped) {
            long ms = Duration.between(clock.instant(), t).toMillis();
            if (ms <= 0) {
                return;
            }
            wait(ms);
        }
        throw new InterruptedException("the driver is stopping");
    }

    /** Waits {@code d} unless stopped first; false when stopped. */
    synchronized boolean pause(Duration d) throws InterruptedException {
        Instant until = clock.instant().plus(d);
        while (!stopped) {
            long ms = Duration.between(clock.instant(), until).toMillis();
            if (ms <= 0) {
                return true;
            }
            wait(ms);
        }
        return false;
    }
}
