package io.golive.load;

import io.golive.checklist.Threshold;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Watches the event loops from the caller's thread: gathers their counts and latencies about once a
 * second, reports progress, samples the machine's CPU, and stops the test when a threshold given to
 * abort on can no longer be met.
 */
final class Monitor {
    private static final long TICK = 1_000_000_000L;
    private static final long WARM_UP = 2_500_000_000L;

    final Histogram latency = new Histogram(1, EventLoop.MAX_MICROS, 3);
    final Histogram service = new Histogram(1, EventLoop.MAX_MICROS, 3);
    private final List<? extends Driver> loops;
    private final LoadPlan plan;
    private final long start;
    private final long end;
    private final double plannedTotal;
    private final ProgressListener listener;
    private final Histogram interval = new Histogram(1, EventLoop.MAX_MICROS, 3);
    private final Histogram[] recycled;
    private final Histogram[] recycledService;
    private long[] totals = LoopCounters.newTotals();
    private long[] statuses = LoopCounters.newStatusTotals();
    private long lastRequests;
    private long lastTick;
    private double cpuLoadSum;
    private int cpuSamples;

    Monitor(
            List<? extends Driver> loops,
            LoadPlan plan,
            long start,
            long end,
            double plannedTotal,
            ProgressListener listener) {
        this.loops = loops;
        this.plan = plan;
        this.start = start;
        this.end = end;
        this.plannedTotal = plannedTotal;
        this.listener = listener;
        this.lastTick = start;
        this.recycled = new Histogram[loops.size()];
        this.recycledService = new Histogram[loops.size()];
    }

    /** Ticks until the end; returns the threshold that aborted the test, if one did. */
    Optional<Threshold> watch() {
        long nextTick = start + TICK;
        while (true) {
            long now = System.nanoTime();
            if (now - end >= 0 || Thread.currentThread().isInterrupted()) {
                return Optional.empty(); // an interrupted caller gets what was measured so far
            }
            if (now - nextTick < 0) {
                LockSupport.parkNanos(Math.min(nextTick, end) - now);
                continue;
            }
            if (loops.stream().anyMatch(l -> l.failure() != null)) {
                return Optional.empty();
            }
            tick(now);
            Optional<Threshold> broken =
                    plan.abortOn().stream().filter(this::cannotBeMet).findFirst();
            if (broken.isPresent()) {
                return broken;
            }
            nextTick += TICK;
        }
    }

    /** Gathers what the loops recorded since the last call. */
    void collect() {
        interval.reset();
        for (int i = 0; i < loops.size(); i++) {
            // Each recorder takes back only the histograms it handed out.
            recycled[i] = loops.get(i).intervalLatency(recycled[i]);
            interval.add(recycled[i]);
            recycledService[i] = loops.get(i).intervalService(recycledService[i]);
            service.add(recycledService[i]);
        }
        latency.add(interval);
        long[] t = LoopCounters.newTotals();
        long[] s = LoopCounters.newStatusTotals();
        loops.forEach(l -> l.counters().addTo(t, s));
        totals = t;
        statuses = s;
    }

    long total(int counter) {
        return totals[counter];
    }

    long[] statuses() {
        return statuses.clone();
    }

    long requests() {
        return totals[LoopCounters.RESPONSES] + transportErrors();
    }

    long transportErrors() {
        return totals[LoopCounters.CONNECT_ERRORS] + totals[LoopCounters.TIMEOUTS] + totals[LoopCounters.IO_ERRORS];
    }

    long errors() {
        long errors = transportErrors();
        for (int code = 400; code < statuses.length; code++) {
            errors += statuses[code];
        }
        return errors + statuses[0]; // a status outside 100..599 is an error too
    }

    /** The machine's mean CPU load over the run (0 to 1), or a negative number when unknown. */
    double machineCpuLoad() {
        return cpuSamples == 0 ? -1 : cpuLoadSum / cpuSamples;
    }

    private void tick(long now) {
        collect();
        sampleCpu(now);
        long requests = requests();
        double seconds = (now - lastTick) / 1e9;
        double rate = seconds > 0 ? (requests - lastRequests) / seconds : 0;
        lastRequests = requests;
        lastTick = now;
        listener.onProgress(new Progress(
                Duration.ofNanos(now - start),
                plan.duration(),
                requests,
                errors(),
                rate,
                interval.getTotalCount() == 0 ? 0 : interval.getValueAtPercentile(50) / 1e3,
                interval.getTotalCount() == 0 ? 0 : interval.getValueAtPercentile(99) / 1e3));
    }

    private boolean cannotBeMet(Threshold t) {
        double expected = plannedTotal;
        if (expected <= 0) {
            // The closed model has no plan of its own: project the rate so far over the whole run.
            double elapsed = (lastTick - start) / 1e9;
            expected = elapsed <= 0 ? 0 : requests() * plan.duration().toNanos() / 1e9 / elapsed;
        }
        return EarlyFailure.certain(t, latency, requests(), errors(), expected);
    }

    private void sampleCpu(long now) {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            double load = os.getCpuLoad(); // since the last call: the first call only starts the count
            // The JVM's own warm-up (compiling the engine) fills the first seconds: leave them out.
            if (load >= 0 && now - start > WARM_UP) {
                cpuLoadSum += load;
                cpuSamples++;
            }
        }
    }
}
