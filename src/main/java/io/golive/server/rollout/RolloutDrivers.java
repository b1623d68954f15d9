package io.golive.server.rollout;

import static java.util.Objects.requireNonNull;

import io.golive.notify.Launch;
import io.golive.rollout.Guard;
import io.golive.rollout.Plan;
import io.golive.rollout.StopSignal;
import io.golive.server.store.LaunchStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The guards this replica drives, one thread each, each with a heartbeat that renews its lease four
 * times a lease period. {@link #tick} takes over the rollouts whose lease lapsed (their replica died,
 * or the server restarted) and drives them on from their saved state: the guard re-applies the
 * current weight and goes on with the hold where it was.
 */
final class RolloutDrivers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RolloutDrivers.class);
    /** How long a replica leaves a rollout whose plan it could not read before trying again. */
    private static final Duration RETRY = Duration.ofMinutes(1);
    /** How long a stopping server waits for its guards to save where they are. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);

    private final RolloutRows rows;
    private final Leases leases;
    private final RolloutPlans plans;
    private final LaunchStore launches;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final String instance;
    private final Map<Long, Driver> running = new ConcurrentHashMap<>();
    private volatile boolean closing;

    RolloutDrivers(
            RolloutRows rows,
            Leases leases,
            RolloutPlans plans,
            LaunchStore launches,
            TransactionTemplate tx,
            ApplicationEventPublisher publisher,
            Clock clock,
            String instance) {
        this.rows = requireNonNull(rows, "null rows");
        this.leases = requireNonNull(leases, "null leases");
        this.plans = requireNonNull(plans, "null plans");
        this.launches = requireNonNull(launches, "null launches");
        this.tx = requireNonNull(tx, "null tx");
        this.publisher = requireNonNull(publisher, "null publisher");
        this.clock = requireNonNull(clock, "null clock");
        this.instance = requireNonNull(instance, "null instance");
    }

    /** How long a lease lasts without renewal: one interval, and never under a second. */
    static long ttlMs(Plan plan) {
        return Math.max(1000, plan.interval().toMillis());
    }

    String instance() {
        return instance;
    }

    /** Takes over each lapsed rollout this replica wins; returns how many. */
    int tick() {
        if (closing) {
            return 0;
        }
        int taken = 0;
        long now = clock.millis();
        for (long id : leases.lapsed(now)) {
            if (!running.containsKey(id) && leases.take(id, instance, now)) {
                LOG.info("rollout {}: its lease had lapsed; this replica ({}) drives it now", id, instance);
                drive(id, Optional.empty());
                taken++;
            }
        }
        return taken;
    }

    /** Drives a rollout whose lease this replica holds, with its plan when the caller just read it. */
    void drive(long id, Optional<Plan> plan) {
        Driver d = new Driver(id, new StopSignal(clock), new StopSignal(clock));
        if (running.putIfAbsent(id, d) != null || closing) {
            return;
        }
        Thread.ofVirtual().name("golive-rollout-" + id).start(() -> d.run(plan));
    }

    /** Whether this replica drives the rollout now. */
    boolean drives(long id) {
        return running.containsKey(id);
    }

    private final class Driver {
        private final long id;
        private final StopSignal guard;
        private final StopSignal beat;
        private volatile boolean superseded;

        Driver(long id, StopSignal guard, StopSignal beat) {
            this.id = id;
            this.guard = guard;
            this.beat = beat;
        }

        void run(Optional<Plan> given) {
            Thread heartbeat = null;
            long releaseAt = 0;
            try {
                RolloutRows.Row row = rows.row(id).orElseThrow();
                Plan plan = given.isPresent() ? given.get() : plans.plan(row.launchId(), row.version());
                String name = launches.launch(row.launchId())
                        .map(LaunchStore.Launch::name)
                        .orElse(plan.name());
                Launch launch = new Launch(Long.toString(row.launchId()), name);
                JdbcRolloutStore store = new JdbcRolloutStore(id, launch, instance, rows, leases, tx, publisher, clock);
                long ttl = leases.lease(id).map(Leases.Lease::ttlMs).orElse(ttlMs(plan));
                heartbeat = Thread.ofVirtual().name("golive-lease-" + id).start(() -> beat(ttl));
                Guard.Start start = store.load().isPresent()
                        ? Guard.Start.carryingOn()
                        : new Guard.Start(row.decision(), row.forced());
                Guard.Outcome outcome = new Guard(plan, store, clock, guard, (e, s) -> {}).run(start);
                LOG.info("rollout {} of launch {}: {}", id, row.launchId(), outcome);
                // stopped by shutdown: let another replica (or this one restarted) take it at once
                releaseAt = clock.millis();
            } catch (JdbcRolloutStore.Superseded e) {
                superseded = true;
                LOG.warn("rollout {}: {}; this replica stops driving it", id, e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("rollout {}: the guard stopped on an error; retried in {}", id, RETRY, e);
                releaseAt = clock.millis() + RETRY.toMillis();
            } finally {
                beat.stop();
                if (heartbeat != null) {
                    joinQuietly(heartbeat);
                }
                if (!superseded) {
                    try {
                        leases.releaseAt(id, instance, releaseAt);
                    } catch (RuntimeException e) {
                        LOG.warn("rollout {}: cannot release its lease ({}); it lapses by itself", id, e.toString());
                    }
                }
                running.remove(id);
            }
        }

        /** Renews the lease until the guard ends; a lost lease stops the guard before its next reading. */
        private void beat(long ttl) {
            Duration period = Duration.ofMillis(Math.max(50, ttl / 4));
            try {
                while (beat.pause(period)) {
                    try {
                        if (!leases.renew(id, instance, clock.millis())) {
                            LOG.warn("rollout {}: its lease was taken over; stopping this replica's guard", id);
                            superseded = true;
                            guard.stop();
                            return;
                        }
                    } catch (RuntimeException e) {
                        // the database is unreachable for now: the lease lapses if it stays so
                        LOG.warn("rollout {}: cannot renew its lease: {}", id, e.toString());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void stop() {
            guard.stop();
        }
    }

    private static void joinQuietly(Thread t) {
        try {
            t.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops every guard (traffic stays where it is, each records {@code stopped}) and frees their leases. */
    @Override
    public void close() {
        closing = true;
        running.values().forEach(Driver::stop);
        long until = System.nanoTime() + STOP_GRACE.toNanos();
        while (!running.isEmpty() && System.nanoTime() < until) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (!running.isEmpty()) {
            LOG.warn(
                    "rollouts {} did not stop within {}; their leases lapse by themselves",
                    running.keySet(),
                    STOP_GRACE);
        }
    }
}
