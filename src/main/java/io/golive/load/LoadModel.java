package io.golive.load;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/** How load is offered: a fixed arrival rate (open model) or a number of users (closed model). */
public sealed interface LoadModel {
    /**
     * Requests arrive at a fixed rate whatever the target does; latency counts from each request's
     * intended send time, so a stalled target shows in the percentiles (coordinated omission).
     */
    record Open(double ratePerSecond) implements LoadModel {
        @Override
        public String toString() {
            return "open model, " + Rates.format(ratePerSecond) + "/s";
        }
    }

    /** A fixed number of users, each on its own connection: send, wait for the answer, think, repeat. */
    record Closed(int users, Duration think) implements LoadModel {
        public Closed {
            requireNonNull(think, "null think");
        }

        @Override
        public String toString() {
            return "closed model, " + users + " users" + (think.isZero() ? "" : ", think " + think.toMillis() + "ms");
        }
    }
}
