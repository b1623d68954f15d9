package io.golive.load;

import java.util.OptionalDouble;
import org.HdrHistogram.Histogram;

/**
 * One sender of a load test's requests, running on its own thread until the end: an {@link EventLoop}
 * (HTTP/1.1, in the clear or over TLS).
 */
interface Driver extends Runnable {
    /** Latencies (µs) recorded since the last call; {@code recycle} is a histogram this driver returned before. */
    Histogram intervalLatency(Histogram recycle);

    /** Latencies from the actual send (µs) recorded since the last call. */
    Histogram intervalService(Histogram recycle);

    LoopCounters counters();

    /** What stopped the driver abnormally, or null. */
    Throwable failure();

    /** Requests still unanswered when it stopped. */
    int inFlightAtEnd();

    /** What the first failed TLS handshake means, in words a user can act on; empty when none failed. */
    java.util.Optional<String> tlsFailure();

    /** Asks it to stop soon, from another thread. */
    void stop();

    /** The share of the run it spent working rather than waiting, when it can tell. */
    OptionalDouble busyFraction(long elapsedNanos);
}
