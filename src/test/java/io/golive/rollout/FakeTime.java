package io.golive.rollout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A clock tests move by hand, and a sleeper that moves it: a two-hour hold passes in milliseconds.
 * Things scheduled {@link #at} an instant happen when the clock passes it (a resume from another process).
 * Public for the tests of the server's rollout store, which run the same guard.
 */
public final class FakeTime extends Clock implements Guard.Sleeper {
    public static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    private Instant now = T0;
    private final List<Scheduled> scheduled = new ArrayList<>();
    private Instant stopAt = Instant.MAX;
    private boolean crash;

    private record Scheduled(Instant at, Runnable what) {}

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    synchronized void advance(Duration d) {
        now = now.plus(d);
    }

    Duration elapsed() {
        return Duration.between(T0, instant());
    }

    /** Runs {@code what} once the clock reaches {@code T0 + after}. */
    void at(Duration after, Runnable what) {
        scheduled.add(new Scheduled(T0.plus(after), what));
    }

    /** The sleeper is interrupted (a signal) once the clock reaches {@code T0 + after}. */
    void interruptAt(Duration after) {
        stopAt = T0.plus(after);
    }

    /** The guard dies without a word (kill -9) once the clock reaches {@code T0 + after}. */
    void crashAt(Duration after) {
        stopAt = T0.plus(after);
        crash = true;
    }

    @Override
    public void sleepUntil(Instant t) throws InterruptedException {
        if (t.isAfter(now)) {
            synchronized (this) {
                now = t;
            }
        }
        for (Scheduled s : List.copyOf(scheduled)) {
            if (!s.at().isAfter(now)) {
                scheduled.remove(s);
                s.what().run();
            }
        }
        if (!now.isBefore(stopAt)) {
            stopAt = Instant.MAX;
            if (crash) {
                throw new Killed();
            }
            throw new InterruptedException("signal");
        }
    }

    /** Stands for kill -9: nothing after it runs, nothing is saved. */
    static final class Killed extends Error {}
}
