package io.golive.server.launch;

import io.golive.InputException;
import io.golive.NotFoundException;
import io.golive.egress.EgressPolicy;
import io.golive.gate.CheckResult;
import io.golive.gate.Engine;
import io.golive.gate.Evaluation;
import io.golive.gate.Gate;
import io.golive.gate.RunOptions;
import io.golive.probe.ProbeRegistry;
import io.golive.server.audit.AuditLog;
import io.golive.server.store.EvaluationStore;
import io.golive.server.store.LaunchStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a launch's checks in the background and keeps the result of every check. A run is recorded
 * RUNNING before it starts; it ends DONE, FAILED (the spec no longer loads, e.g. an environment
 * variable is gone) or INTERRUPTED (the server stopped first).
 */
public final class EvaluationRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EvaluationRunner.class);

    private final LaunchStore launches;
    private final EvaluationStore evaluations;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Supplier<ProbeRegistry> registry;
    private final Supplier<Map<String, String>> env;
    private final MeterRegistry meters;
    private final RunOptions options;
    private final Duration shutdownGrace;
    private final String instance;
    private final ApplicationEventPublisher events;
    private final ExecutorService executor;
    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    public EvaluationRunner(
            LaunchStore launches,
            EvaluationStore evaluations,
            AuditLog audit,
            TransactionTemplate tx,
            Clock clock,
            Supplier<ProbeRegistry> registry,
            Supplier<Map<String, String>> env,
            MeterRegistry meters,
            RunOptions options,
            int concurrentRuns,
            Duration shutdownGrace,
            String instance,
            ApplicationEventPublisher events) {
        this.launches = launches;
        this.evaluations = evaluations;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.registry = registry;
        this.env = env;
        this.meters = meters;
        this.options = options;
        this.shutdownGrace = shutdownGrace;
        this.instance = instance;
        this.events = events;
        this.executor = Executors.newFixedThreadPool(
                concurrentRuns, Thread.ofVirtual().name("golive-eval-", 0).factory());
    }

    /** Records a run and starts it; returns its id at once. */
    public long start(String user, long id, String trigger, Optional<Long> scheduledFor) {
        LaunchStore.Launch launch = launches.launch(id)
                .filter(l -> l.version() > 0)
                .orElseThrow(() -> new NotFoundException("no launch " + id));
        LaunchSources sources = sources(launch);
        SpecFiles files;
        try {
            files = SpecFiles.load(sources, registry.get(), env.get());
        } catch (InputException e) {
            return failed(user, launch, trigger, scheduledFor, String.join("; ", e.problems()));
        }
        long now = clock.millis();
        Long runId = tx.execute(s -> {
            long r = evaluations.start(
                    id, launch.version(), trigger, scheduledFor, files.planned().size(), instance, user, now);
            audit.append(user, "evaluation.start", Optional.of(id), "evaluation " + r, "", trigger);
            return r;
        });
        running.add(runId);
        try {
            executor.submit(() -> run(runId, user, launch, files));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            running.remove(runId);
            evaluations.close(runId, "INTERRUPTED", "the server is stopping", clock.millis());
        }
        return runId;
    }

    private long failed(
            String user, LaunchStore.Launch launch, String trigger, Optional<Long> scheduledFor, String why) {
        long now = clock.millis();
        return tx.execute(s -> {
            long r = evaluations.start(launch.id(), launch.version(), trigger, scheduledFor, 0, instance, user, now);
            evaluations.close(r, "FAILED", why, now);
            audit.append(user, "evaluation.failed", Optional.of(launch.id()), "evaluation " + r, "", why);
            return r;
        });
    }

    private LaunchSources sources(LaunchStore.Launch launch) {
        LaunchStore.Version v = launches.version(launch.id(), launch.version()).orElseThrow();
        return new LaunchSources(v.spec(), launches.files(launch.id(), launch.version()));
    }

    private void run(long runId, String user, LaunchStore.Launch launch, SpecFiles files) {
        Timer.Sample sample = Timer.start(meters);
        AtomicLong lastProgress = new AtomicLong();
        try {
            List<CheckResult> results = new Engine(clock)
                    .run(files.spec(), files.planned(), options, (r, done, total, f) -> {
                        meters.timer(
                                        "golive.check.duration",
                                        "type",
                                        r.type(),
                                        "status",
                                        r.observation().status().name())
                                .record(Duration.ofMillis(r.durationMs()));
                        long now = clock.millis();
                        if (!stopping && (now - lastProgress.get() >= 500 || done == total)) {
                            lastProgress.set(now);
                            evaluations.progress(runId, done, now);
                        }
                    });
            if (stopping) {
                // cut short by shutdown: its results are incomplete, so it is not recorded as done
                Thread.interrupted(); // a database write on an interrupted thread would fail
                evaluations.close(runId, "INTERRUPTED", "the server stopped during the run", clock.millis());
                sample.stop(meters.timer("golive.evaluations", "outcome", "interrupted"));
                return;
            }
            Evaluation e = new Gate().evaluate(files.checklist(), results);
            long now = clock.millis();
            tx.executeWithoutResult(s -> {
                if (evaluations.finish(runId, launch.id(), results, e.decision().name(), now)) {
                    launches.touch(launch.id());
                    // who asked for a run that tried to reach where the server must not go
                    results.stream()
                            .filter(r -> EgressPolicy.isRefusal(r.observation().summary()))
                            .forEach(r -> audit.append(
                                    user,
                                    "egress.refused",
                                    Optional.of(launch.id()),
                                    r.name(),
                                    "",
                                    r.observation().summary()));
                    audit.append(
                            "golive",
                            "evaluation.finish",
                            Optional.of(launch.id()),
                            "evaluation " + runId,
                            "",
                            e.decision() + " " + e.summary());
                    // in this transaction: what follows from the run (notifications) commits with it
                    events.publishEvent(new EvaluationFinished(
                            launch.id(), runId, e.decision().name()));
                }
            });
            sample.stop(meters.timer("golive.evaluations", "outcome", "done"));
            LOG.info(
                    "evaluation {} of launch {} finished: {} checks, checks decide {}",
                    runId,
                    launch.id(),
                    results.size(),
                    e.decision());
        } catch (RuntimeException ex) {
            if (stopping) {
                Thread.interrupted();
                evaluations.close(runId, "INTERRUPTED", "the server stopped during the run", clock.millis());
                return;
            }
            LOG.error("evaluation {} of launch {} failed", runId, launch.id(), ex);
            evaluations.close(runId, "FAILED", "internal error: " + ex, clock.millis());
            sample.stop(meters.timer("golive.evaluations", "outcome", "failed"));
        } finally {
            running.remove(runId);
        }
    }

    public Set<Long> running() {
        return Set.copyOf(running);
    }

    /** Lets running evaluations finish within the grace period, then records the rest as INTERRUPTED. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(shutdownGrace.toMillis(), TimeUnit.MILLISECONDS)) {
                stopping = true;
                executor.shutdownNow();
                executor.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
        for (long id : running) {
            evaluations.close(id, "INTERRUPTED", "the server stopped during the run", clock.millis());
            LOG.warn("evaluation {} interrupted by shutdown", id);
        }
    }
}
