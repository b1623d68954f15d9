package io.golive.rollout;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;

/** Reads every metric at once, each on its own virtual thread, under one deadline. */
final class Readings {
    private Readings() {}

    /** Every metric's reading; one that has not answered by the deadline has no value. */
    static Map<String, Reading> read(
            Map<String, Metric> metrics, Instant deadline, Duration wait, Guard.Sleeper sleeper)
            throws InterruptedException {
        Map<String, Reading> out = new LinkedHashMap<>();
        // Not closed with try-with-resources: close() would wait for a reader stuck past its deadline.
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        try {
            Map<String, Future<Reading>> running = new LinkedHashMap<>();
            metrics.forEach(
                    (name, m) -> running.put(name, pool.submit(() -> m.reader().read(deadline))));
            long until = System.nanoTime() + wait.toNanos();
            for (Map.Entry<String, Future<Reading>> e : running.entrySet()) {
                out.put(e.getKey(), await(e.getValue(), until, wait, sleeper));
            }
        } finally {
            pool.shutdownNow();
        }
        return out;
    }

    private static Reading await(Future<Reading> f, long untilNanos, Duration wait, Guard.Sleeper sleeper)
            throws InterruptedException {
        try {
            return sleeper.await(f, Math.max(0, untilNanos - System.nanoTime()));
        } catch (TimeoutException e) {
            f.cancel(true);
            return Reading.none("no answer within " + wait.toMillis() + " ms");
        } catch (ExecutionException e) {
            return Reading.none("reading failed: " + e.getCause());
        }
    }
}
