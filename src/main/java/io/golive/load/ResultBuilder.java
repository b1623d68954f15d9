package io.golive.load;

import io.golive.checklist.Threshold;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Turns what the monitor gathered into a {@link LoadResult}, with warnings where the generator limited the test. */
final class ResultBuilder {
    /** An event loop busier than this had no spare CPU: the generator may have been the bottleneck. */
    private static final double SATURATED = 0.90;
    /** Sends later than this on average, with a connection free, add the generator's delay to latencies. */
    private static final double OWN_LAG_MS = 0.5;

    private final LoadPlan plan;
    private final Monitor monitor;
    private final List<? extends Driver> loops;
    private final int connections;
    private final List<String> warnings = new ArrayList<>();
    private boolean generatorLimited;

    ResultBuilder(LoadPlan plan, Monitor monitor, List<? extends Driver> loops, int connections) {
        this.plan = plan;
        this.monitor = monitor;
        this.loops = loops;
        this.connections = connections;
    }

    LoadResult build(Instant startedAt, long elapsedNanos, ArrivalSchedule whole, Optional<Threshold> abortedBy) {
        double seconds = Math.max(elapsedNanos, 1) / 1e9;
        long requests = monitor.requests();
        long sent = monitor.total(LoopCounters.SENT);
        long unsent = whole == null ? 0 : Math.max(0, whole.dueBy(seconds) - sent);
        assess(elapsedNanos, whole == null ? 0 : whole.dueBy(seconds), sent, unsent);
        return new LoadResult(
                startedAt,
                Duration.ofNanos(elapsedNanos),
                plan.model(),
                connections,
                requests,
                monitor.errors(),
                requests / seconds,
                Latency.of(monitor.latency),
                Latency.of(monitor.service),
                statusCounts(),
                errorKinds(),
                monitor.total(LoopCounters.BYTES_READ),
                monitor.total(LoopCounters.BYTES_WRITTEN),
                unsent,
                loops.stream().mapToLong(Driver::inFlightAtEnd).sum(),
                warnings,
                generatorLimited,
                abortedBy.map(
                        t -> t.text().isBlank() ? t.expression() : t.text().strip()));
    }

    private TreeMap<Integer, Long> statusCounts() {
        TreeMap<Integer, Long> counts = new TreeMap<>();
        long[] s = monitor.statuses();
        for (int code = 0; code < s.length; code++) {
            if (s[code] > 0) {
                counts.put(code, s[code]);
            }
        }
        return counts;
    }

    private Map<String, Long> errorKinds() {
        long[] s = monitor.statuses();
        Map<String, Long> kinds = new LinkedHashMap<>();
        kinds.put("connect", monitor.total(LoopCounters.CONNECT_ERRORS));
        kinds.put("timeout", monitor.total(LoopCounters.TIMEOUTS));
        kinds.put("io", monitor.total(LoopCounters.IO_ERRORS));
        kinds.put("4xx", sum(s, 400, 500));
        kinds.put("5xx", sum(s, 500, 600) + s[0]);
        return kinds;
    }

    /** Collects the warnings, and whether the generator (or the machine) rather than the target limited the run. */
    private void assess(long elapsedNanos, long due, long sent, long unsent) {
        // A certificate that is not trusted fails every connection: say why, first.
        loops.stream()
                .map(Driver::tlsFailure)
                .flatMap(Optional::stream)
                .findFirst()
                .ifPresent(warnings::add);
        double busiest = loops.stream()
                .map(l -> l.busyFraction(elapsedNanos))
                .filter(java.util.OptionalDouble::isPresent)
                .mapToDouble(java.util.OptionalDouble::getAsDouble)
                .max()
                .orElse(0);
        if (busiest >= SATURATED) {
            generator(String.format(
                    Locale.ROOT,
                    "the load generator's own CPU was saturated (event loop busy %.0f%% of the time):"
                            + " the target may handle more than measured",
                    100 * busiest));
        }
        if (plan.model() instanceof LoadModel.Open) {
            openModel(due, sent, unsent);
        }
        double cpu = monitor.machineCpuLoad();
        if (cpu >= 0.95) {
            generator(String.format(
                    Locale.ROOT,
                    "the machine's CPU was saturated (%.0f%% on average): the generator and the target compete for it",
                    100 * cpu));
        }
    }

    private void openModel(long due, long sent, long unsent) {
        long late = monitor.total(LoopCounters.LATE_SENDS);
        long blocked = monitor.total(LoopCounters.BLOCKED_SENDS);
        long candidates = monitor.total(LoopCounters.ON_TIME_CANDIDATES);
        double ownLagMs = candidates == 0 ? 0 : monitor.total(LoopCounters.OWN_LAG_NANOS) / 1e6 / candidates;
        if (late > 0.01 * Math.max(sent, 1) || ownLagMs > OWN_LAG_MS) {
            generator(String.format(
                    Locale.ROOT,
                    "could not send at the asked rate: the generator fell behind (sends %.2f ms late on average"
                            + " with a connection free, %d over 10 ms late, %d never sent)",
                    ownLagMs,
                    late,
                    unsent));
        } else if (unsent > Math.max(1, 0.02 * due) || blocked > 0.01 * Math.max(sent, 1)) {
            warnings.add(String.format(
                    Locale.ROOT,
                    "could not send at the asked rate on %d connections: all were busy waiting for the target"
                            + " (up to %d requests queued, %d never sent); latencies include that wait, and more"
                            + " --connections would offer the full rate",
                    connections,
                    monitor.total(LoopCounters.MAX_BACKLOG),
                    unsent));
        }
    }

    private void generator(String warning) {
        warnings.add(warning);
        generatorLimited = true;
    }

    private static long sum(long[] values, int from, int to) {
        long sum = 0;
        for (int i = from; i < to && i < values.length; i++) {
            sum += values[i];
        }
        return sum;
    }
}
