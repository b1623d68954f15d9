package io.golive.gate;

import static java.util.Objects.requireNonNull;

import io.golive.checklist.Criterion;
import io.golive.checklist.Item;
import io.golive.checklist.Threshold;
import io.golive.probe.Observation;
import io.golive.probe.Probe;
import io.golive.probe.ProbeConfig;
import io.golive.probe.ProbeContext;
import io.golive.probe.Status;
import io.golive.spec.LaunchSpec;
import io.golive.spec.Secrets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs planned checks concurrently on virtual threads, within a global and a per-target limit, each
 * under its own deadline and all under the run's. A check never escapes as an exception or a hang:
 * whatever goes wrong becomes an ERROR observation with its reason.
 */
public final class Engine {
    /** Extra time a probe gets past its deadline to return before it is abandoned. */
    private static final Duration GRACE = Duration.ofMillis(500);

    private final Clock clock;

    public Engine(Clock clock) {
        this.clock = requireNonNull(clock, "null clock");
    }

    public List<CheckResult> run(LaunchSpec spec, List<PlannedCheck> checks, RunOptions options, Progress progress) {
        Instant runDeadline = clock.instant().plus(options.overall());
        Semaphore global = new Semaphore(options.parallel());
        Map<String, Semaphore> perTarget = new ConcurrentHashMap<>();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        List<Future<CheckResult>> futures = new ArrayList<>();
        // Probe calls run on their own executor, shut down without waiting: a probe that ignores its
        // deadline and interruption is abandoned (its virtual thread cannot keep the JVM alive).
        ExecutorService probes = Executors.newVirtualThreadPerTaskExecutor();
        try (ExecutorService exec = Executors.newVirtualThreadPerTaskExecutor()) {
            for (PlannedCheck check : checks) {
                futures.add(exec.submit(() -> {
                    Semaphore target =
                            perTarget.computeIfAbsent(check.targetKey(), k -> new Semaphore(options.perTarget()));
                    CheckResult r = limited(
                            global,
                            target,
                            runDeadline,
                            check,
                            () -> runOne(spec, check, options, runDeadline, probes));
                    int f = r.observation().status() == Status.PASS ? failures.get() : failures.incrementAndGet();
                    progress.finished(r, done.incrementAndGet(), checks.size(), f);
                    return r;
                }));
            }
            List<CheckResult> out = new ArrayList<>();
            for (Future<CheckResult> f : futures) {
                out.add(join(f));
            }
            return out;
        } finally {
            probes.shutdownNow();
        }
    }

    private CheckResult limited(
            Semaphore global,
            Semaphore target,
            Instant runDeadline,
            PlannedCheck check,
            java.util.function.Supplier<CheckResult> body)
            throws InterruptedException {
        // The target's permit first: checks waiting for a busy target must not hold global slots that
        // checks of other targets could use.
        if (!acquire(target, runDeadline)) {
            return notRun(check);
        }
        try {
            if (!acquire(global, runDeadline)) {
                return notRun(check);
            }
            try {
                return body.get();
            } finally {
                global.release();
            }
        } finally {
            target.release();
        }
    }

    private boolean acquire(Semaphore s, Instant deadline) throws InterruptedException {
        long wait = Math.max(0, Duration.between(clock.instant(), deadline).toMillis());
        return s.tryAcquire(wait, TimeUnit.MILLISECONDS);
    }

    private CheckResult notRun(PlannedCheck check) {
        return result(check, Observation.error("not run: the run's overall timeout elapsed first"), 0);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private CheckResult runOne(
            LaunchSpec spec, PlannedCheck check, RunOptions options, Instant runDeadline, ExecutorService exec) {
        Duration timeout = check.spec().timeout().or(spec::timeout).orElse(options.checkTimeout());
        Instant start = clock.instant();
        Instant deadline = min(start.plus(timeout), runDeadline);
        ProbeContext context =
                new ProbeContext(clock, deadline, spec.targets(), spec.baseDir(), inherited(check), spec.secrets());
        Probe probe = check.probe();
        ProbeConfig config = check.config();
        Future<Observation> f = exec.submit(() -> probe.run(config, context));
        Observation o;
        long limit = Math.max(
                0, Duration.between(clock.instant(), deadline).plus(GRACE).toMillis());
        try {
            o = f.get(limit, TimeUnit.MILLISECONDS);
            if (o == null) {
                o = Observation.error(
                        "probe returned nothing (a bug in the " + check.spec().kind() + " probe)");
            }
        } catch (TimeoutException e) {
            f.cancel(true);
            o = Observation.error(
                    "timeout after " + Duration.between(start, deadline).toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            o = Observation.error("probe failed: " + cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(true);
            o = Observation.error("interrupted");
        }
        long ms = Duration.between(start, clock.instant()).toMillis();
        return result(check, mask(o, spec.secrets()), ms);
    }

    /**
     * A criterion's threshold when the check measures one, else the thresholds its item carries, its
     * nested items' included ("Load testing completed" over "Test with 1000 concurrent users" and
     * "Verify <500ms P95 latency").
     */
    private static List<Threshold> inherited(PlannedCheck check) {
        return check.criterion()
                .map(c -> c.threshold().map(List::of).orElse(List.of()))
                .orElseGet(() -> check.item().map(Engine::withChildren).orElse(List.of()));
    }

    private static List<Threshold> withChildren(Item item) {
        List<Threshold> out = new java.util.ArrayList<>(item.criteria());
        item.children().forEach(c -> out.addAll(withChildren(c)));
        return out;
    }

    private static CheckResult result(PlannedCheck check, Observation o, long ms) {
        return new CheckResult(
                check.name(),
                check.spec().kind(),
                check.item().map(Item::id),
                check.blocking(),
                o,
                ms,
                check.criterion().map(Criterion::id));
    }

    static Observation mask(Observation o, Secrets secrets) {
        Map<String, Object> measurements = new LinkedHashMap<>();
        o.measurements().forEach((k, v) -> measurements.put(k, v instanceof String s ? secrets.mask(s) : v));
        Map<String, String> evidence = new LinkedHashMap<>();
        o.evidence().forEach((k, v) -> evidence.put(k, secrets.mask(v)));
        return new Observation(o.status(), secrets.mask(o.summary()), measurements, evidence);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static CheckResult join(Future<CheckResult> f) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("check runner failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
