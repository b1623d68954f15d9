package io.golive.load;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The counts of one driver. An event loop is their only writer (opaque stores, no contention); the
 * monitor reads them while the test runs.
 */
final class LoopCounters {
    static final int RESPONSES = 0;
    static final int CONNECT_ERRORS = 1;
    static final int TIMEOUTS = 2;
    static final int IO_ERRORS = 3;
    static final int BYTES_READ = 4;
    static final int BYTES_WRITTEN = 5;
    static final int SENT = 6;
    static final int LATE_SENDS = 7;
    static final int IDLE_NANOS = 8;
    static final int MAX_BACKLOG = 9;
    static final int BLOCKED_SENDS = 10;
    static final int CONNECTS = 11;
    /** Sends with a connection free at their intended time, and how late they went out in all. */
    static final int ON_TIME_CANDIDATES = 12;

    static final int OWN_LAG_NANOS = 13;
    private static final int SIZE = 14;

    private final AtomicLongArray counts = new AtomicLongArray(SIZE);
    private final AtomicLongArray statuses = new AtomicLongArray(600);

    void add(int counter, long delta) {
        add(counts, counter, delta);
    }

    void max(int counter, long value) {
        counts.accumulateAndGet(counter, value, Math::max);
    }

    void status(int code) {
        add(statuses, code >= 0 && code < 600 ? code : 0, 1);
    }

    private void add(AtomicLongArray array, int i, long delta) {
        array.setOpaque(i, array.getPlain(i) + delta); // a single writer needs no atomic add
    }

    long get(int counter) {
        return counts.getOpaque(counter);
    }

    /** Adds this loop's counts into {@code total} and {@code statusTotal}. */
    void addTo(long[] total, long[] statusTotal) {
        for (int i = 0; i < SIZE; i++) {
            total[i] += counts.getOpaque(i);
        }
        for (int i = 0; i < statusTotal.length; i++) {
            statusTotal[i] += statuses.getOpaque(i);
        }
    }

    static long[] newTotals() {
        return new long[SIZE];
    }

    static long[] newStatusTotals() {
        return new long[600];
    }
}
