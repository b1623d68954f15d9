package io.golive.load;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The counts of one event loop. Only the loop writes them (opaque stores, no contention), the monitor
 * reads them while the test runs.
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
    private static final int SIZE = 12;

    private final AtomicLongArray counts = new AtomicLongArray(SIZE);
    private final AtomicLongArray statuses = new AtomicLongArray(600);

    void add(int counter, long delta) {
        counts.setOpaque(counter, counts.getPlain(counter) + delta);
    }

    void max(int counter, long value) {
        if (value > counts.getPlain(counter)) {
            counts.setOpaque(counter, value);
        }
    }

    void status(int code) {
        int i = code >= 0 && code < 600 ? code : 0;
        statuses.setOpaque(i, statuses.getPlain(i) + 1);
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
