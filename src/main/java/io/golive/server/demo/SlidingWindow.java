package io.golive.server.demo;

import java.util.ArrayDeque;

/**
 * At most {@code limit} events in any span of {@code windowNanos}: the sample target's login limit.
 * A sliding log rather than fixed buckets, so that {@code limit + 1} requests within one window are
 * always refused, wherever a bucket boundary would have fallen.
 */
final class SlidingWindow {
    private final int limit;
    private final long windowNanos;
    private final ArrayDeque<Long> accepted = new ArrayDeque<>();

    SlidingWindow(int limit, long windowNanos) {
        if (limit < 1 || windowNanos < 1) {
            throw new IllegalArgumentException("limit and window must be positive");
        }
        this.limit = limit;
        this.windowNanos = windowNanos;
    }

    /** Records an event at {@code nowNanos}; 0 when it is let through, else the nanoseconds until one would be. */
    synchronized long tryAcquire(long nowNanos) {
        while (!accepted.isEmpty() && nowNanos - accepted.peekFirst() >= windowNanos) {
            accepted.pollFirst();
        }
        if (accepted.size() < limit) {
            accepted.addLast(nowNanos);
            return 0;
        }
        return Math.max(1, accepted.peekFirst() + windowNanos - nowNanos);
    }
}
