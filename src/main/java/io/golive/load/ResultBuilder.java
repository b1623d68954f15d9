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

    private final LoadPlan plan;
    private final Monitor monitor;
    private final List<? extends Driver> loops;
    private final int connections;

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
                warnings(elapsedNanos, whole, seconds, sent, unsent),
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

    private List<String> warnings(long elapsedNanos, ArrivalSchedule whole, double seconds, long sent, long unsent) {
        List<String> warnings = new ArrayList<>();
        double busiest = loops.stream()
                .map(l -> l.busyFraction(elapsedNanos))
                .filter(java.util.OptionalDouble::isPresent)
                .mapToDouble(java.util.OptionalDouble::getAsDouble)
                .max()
                .orElse(0);
        if (busiest >= SATURATED) {
            warnings.add(String.format(
                    Locale.ROOT,
                    "the load generator's own CPU was saturated (event loop busy %.0f%% of the time):"
                            + " the target may handle more than measured",
                    100 * busiest));
        }
        if (whole != null) {
            openModelWarning(whole.dueBy(seconds), sent, unsent).ifPresent(warnings::add);
        }
        double cpu = monitor.machineCpuLoad();
        if (cpu >= 0.95) {
            warnings.add(String.format(
                    Locale.ROOT,
                    "the machine's CPU was saturated (%.0f%% on average): the generator and the target compete for it",
                    100 * cpu));
        }
        return warnings;
    }

    private Optional<String> openModelWarning(long due, long sent, long unsent) {
        long late = monitor.total(LoopCounters.LATE_SENDS);
        long blocked = monitor.total(LoopCounters.BLOCKED_SENDS);
        boolean behind = unsent > Math.max(1, 0.02 * due) || late + blocked > 0.01 * Math.max(sent, 1);
        if (!behind) {
            return Optional.empty();
        }
        if (late > blocked) {
            return Optional.of(String.format(
                    Locale.ROOT,
                    "could not send at the asked rate: the generator fell behind (%d requests sent over 10 ms late"
                            + " with a connection free, %d never sent)",
                    late,
                    unsent));
        }
        return Optional.of(String.format(
                Locale.ROOT,
                "could not send at the asked rate on %d connections: all were busy waiting for the target"
                        + " (up to %d requests queued, %d never sent); latencies include that wait, and more"
                        + " --connections would offer the full rate",
                connections,
                monitor.total(LoopCounters.MAX_BACKLOG),
                unsent));
    }

    private static long sum(long[] values, int from, int to) {
        long sum = 0;
        for (int i = from; i < to && i < values.length; i++) {
            sum += values[i];
        }
        return sum;
    }
}
