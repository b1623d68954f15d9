package io.golive.load;

import java.time.Duration;

/**
 * Where a running load test stands, reported about once a second.
 *
 * @param elapsed time since the start
 * @param duration the planned duration
 * @param requests requests finished so far (answered or failed)
 * @param errors failed requests and error statuses so far
 * @param rate requests finished per second over the last interval
 * @param p50 median latency over the last interval, in ms (0 without responses)
 * @param p99 99th percentile latency over the last interval, in ms
 */
public record Progress(
        Duration elapsed, Duration duration, long requests, long errors, double rate, double p50, double p99) {}
