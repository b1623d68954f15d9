package io.golive.rollout;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A guard's sleeper that can be told to stop: the wait in progress (a sleep or the wait for a
 * reading) ends as an interruption would, and so does every later one. The guard's thread itself is
 * never interrupted, so no state write (a file on the command line, a database row on the server) is
 * cut off in the middle; an action under way finishes within its own timeout.
 */
public final class StopSignal implements Guard.Sleeper {
    private final Clock clock;
    private boolean stopped;
    private Future<?> waitingFor;

    public StopSignal(Clock clock) {
        this.clock = requireNonNull(clock, "null clock");
    }

    /** Ends the wait in progress and every later one. */
    public synchronized void stop() {
        stopped = true;
        if (waitingFor != null) {
            waitingFor.cancel(true);
        }
        notifyAll();
    }

    public synchronized boolean stopped() {
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
        throw new InterruptedException("stopped");
    }

    @Override
    public <T> T await(Future<T> f, long nanos) throws InterruptedException, ExecutionException, TimeoutException {
        synchronized (this) {
            if (stopped) {
                throw new InterruptedException("stopped");
            }
            waitingFor = f;
        }
        try {
            return f.get(nanos, TimeUnit.NANOSECONDS);
        } catch (CancellationException e) {
            if (stopped()) {
                throw new InterruptedException("stopped");
            }
            throw e;
        } finally {
            synchronized (this) {
                waitingFor = null;
            }
        }
    }

    /** Waits {@code d} unless stopped first; false when stopped. */
    public synchronized boolean pause(Duration d) throws InterruptedException {
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
