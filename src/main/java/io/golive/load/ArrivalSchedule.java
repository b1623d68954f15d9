package io.golive.load;

import java.time.Duration;

/**
 * The intended send times of the open model: a fixed rate, reached by a linear ramp from zero. Each
 * event loop takes every {@code stride}-th arrival, so together they follow the schedule exactly.
 */
final class ArrivalSchedule {
    private final double rate;
    private final double ramp;
    private final int stride;
    private long next;

    ArrivalSchedule(double ratePerSecond, Duration ramp, int first, int stride) {
        this.rate = ratePerSecond;
        this.ramp = ramp.toNanos() / 1e9;
        this.stride = stride;
        this.next = first;
    }

    /** The next intended send time of this share, in nanoseconds from the start. */
    long next() {
        long at = (long) (timeOf(next) * 1e9);
        next += stride;
        return at;
    }

    /** The time, in seconds from the start, at which arrival {@code k} (from 0) is due. */
    double timeOf(long k) {
        double rampArrivals = rate * ramp / 2;
        if (k < rampArrivals) {
            // During the ramp the rate is rate*t/ramp, so k arrivals are due by sqrt(2*ramp*k/rate).
            return Math.sqrt(2 * ramp * k / rate);
        }
        return ramp + (k - rampArrivals) / rate;
    }

    /** How many arrivals are due by {@code seconds} after the start. */
    long dueBy(double seconds) {
        if (seconds <= 0) {
            return 0;
        }
        if (seconds < ramp) {
            return (long) Math.ceil(rate * seconds * seconds / (2 * ramp));
        }
        return (long) Math.ceil(rate * ramp / 2 + rate * (seconds - ramp));
    }
}
