package io.golive.load;

import java.util.concurrent.locks.LockSupport;

/**
 * The short pause of a busy HTTP/2 event loop. When the selector had answers waiting at once, the loop,
 * not the target, sets the pace, and each round would read one or two answers and write as few
 * requests, at a system call each. A pause lets each connection's answers gather, so the next round
 * reads them and writes their streams' next requests in one call each (bench/README.md: 10 x 10
 * against nginx, 0.76 -> 0.97 x h2load). It is not taken when a send is due soon (the open model keeps
 * its schedule), nor with too few requests in flight ({@link #worthPausing}). HTTP/1.1 loops never
 * pause: a connection carries one request, so there is nothing to gather per connection, and pausing
 * lost throughput there (plain HTTP, 16 users: 40k against 59k req/s). One per loop, used on its thread.
 */
final class BusyPause {
    /**
     * The pause asked for; 0 turns it off ({@code -Dgolive.load.coalesceMicros=0}). The kernel's timer
     * slack (50 us) comes on top.
     */
    static final long NANOS = Math.max(0, Long.getLong("golive.load.coalesceMicros", 20)) * 1_000;

    /** No pause when a send is due within this and the pause. */
    private static final long SLACK_NANOS = 200_000;

    /**
     * A loop pauses only while the answers expected during a pause are at most this share of its
     * requests in flight, so the target still has work queued when the pause ends and no answer waits
     * out a pause at low concurrency. A pause at every busy round, without this test, starved nginx
     * (plain HTTP, pausing against not: 1 user 10.5k / 17.5k req/s with p50 71 / 45 us, 8 users 42k /
     * 72k). {@code -Dgolive.load.coalesceHeadroom=N}.
     */
    static final long HEADROOM = Math.max(1, Long.getLong("golive.load.coalesceHeadroom", 4));

    /**
     * The shortest a pause can be: the one asked for and the kernel's default timer slack of 50 us. On
     * the 2-core VM a 20 us pause lasted 70-170 us on average, so the pauses are measured.
     */
    private static final long MIN_NANOS = NANOS + 50_000;

    /** A pause longer than this (the thread was not scheduled) counts as this long in the average. */
    private static final long MAX_SAMPLE_NANOS = 1_000_000;

    /** Answers per millisecond over the last measured stretch, and where that count started. */
    private long answersPerMilli;

    private long rateAnswers;
    private long rateSince;
    /** The pauses' average length, from the last few dozen pauses. */
    private long pauseNanos = MIN_NANOS;

    /** The loop starts at {@code now}: its answer rate is counted from there. */
    void start(long now) {
        rateSince = now;
    }

    /**
     * The loop has answered {@code answers} in all by {@code now}; called every few milliseconds. The
     * pauses' average drifts back towards the shortest pause meanwhile, so that a few long ones (a
     * moment the machine was busy) do not stop the loop from pausing for good.
     */
    void measure(long now, long answers) {
        pauseNanos -= (pauseNanos - MIN_NANOS) / 16;
        long elapsed = now - rateSince;
        if (elapsed > 0) {
            answersPerMilli = (answers - rateAnswers) * 1_000_000 / elapsed;
        }
        rateAnswers = answers;
        rateSince = now;
    }

    /**
     * Pauses if it is worth it, with {@code inFlight} requests out and the next send due at
     * {@code dueAt}; returns how long it paused (0: it did not).
     */
    long pause(long dueAt, long inFlight) {
        long t = System.nanoTime();
        if (dueAt - t < NANOS + SLACK_NANOS || !worthPausing(answersPerMilli, pauseNanos, inFlight)) {
            return 0;
        }
        LockSupport.parkNanos(NANOS);
        long paused = System.nanoTime() - t;
        pauseNanos += (Math.min(paused, MAX_SAMPLE_NANOS) - pauseNanos) / 16;
        return paused;
    }

    /**
     * Whether a loop answering {@code answersPerMilli} with {@code inFlight} requests out may pause for
     * about {@code pauseNanos}: the answers expected during the pause are at most {@code 1 / HEADROOM}
     * of those in flight. A loop without an answer rate yet (its first few milliseconds, or nothing
     * answered) does not.
     */
    static boolean worthPausing(long answersPerMilli, long pauseNanos, long inFlight) {
        return NANOS > 0 && answersPerMilli > 0 && answersPerMilli * pauseNanos * HEADROOM <= inFlight * 1_000_000;
    }
}
