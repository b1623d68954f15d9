package io.golive.server.notify;

import static java.util.Objects.requireNonNull;

import io.golive.GoliveException;
import io.golive.notify.Delivery;
import io.golive.notify.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends the outbox's due deliveries: woken after each commit that wrote some, and every {@code sweep}
 * (what a crash between commit and send left behind, retries at their back-off). Each row is claimed
 * before it is tried, so replicas on one database never try the same row at once; a row sent and
 * recorded SENT is never sent again.
 */
final class Dispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final int BATCH = 50;

    private final NotificationStore store;
    private final LaunchNotifiers notifiers;
    private final Clock clock;
    private final String instance;
    private final Duration lease;
    private final ScheduledExecutorService loop;
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicBoolean queued = new AtomicBoolean();

    Dispatcher(
            NotificationStore store,
            LaunchNotifiers notifiers,
            Clock clock,
            String instance,
            Duration sweep,
            Duration lease) {
        this.store = requireNonNull(store, "null store");
        this.notifiers = requireNonNull(notifiers, "null notifiers");
        this.clock = requireNonNull(clock, "null clock");
        this.instance = requireNonNull(instance, "null instance");
        this.lease = requireNonNull(lease, "null lease");
        this.loop = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("golive-notify").daemon(true).factory());
        long every = Math.max(100, sweep.toMillis());
        loop.scheduleWithFixedDelay(this::drain, every, every, TimeUnit.MILLISECONDS);
    }

    /** Sends once the current transaction commits (at once outside one): rows written in it are due. */
    void afterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake();
                }
            });
        } else {
            wake();
        }
    }

    /** Sends what is due soon on the dispatcher's thread; several wakes before it runs make one drain. */
    void wake() {
        if (queued.compareAndSet(false, true)) {
            try {
                loop.execute(() -> {
                    queued.set(false);
                    drain();
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                queued.set(false); // stopping: the rows wait in the outbox for the next start
            }
        }
    }

    /** Claims and tries due rows until none is left that this replica can claim. */
    void drain() {
        try {
            while (round() > 0) {
                // rows claimed and tried; look again, a retry may be due or a new row written
            }
            store.nextDue().ifPresent(this::wakeAt);
        } catch (RuntimeException e) {
            // the database is away (a restart, a failover): the next sweep tries again
            LOG.warn("notification delivery paused: {}", e.toString());
        }
    }

    private int round() {
        long now = clock.millis();
        List<Future<?>> tries = new ArrayList<>();
        for (String id : store.due(now, BATCH)) {
            if (store.claim(id, instance, now, now + lease.toMillis())) {
                store.row(id).ifPresent(r -> tries.add(senders.submit(() -> send(r))));
            }
        }
        for (Future<?> f : tries) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            } catch (java.util.concurrent.ExecutionException e) {
                LOG.warn("a notification try failed: {}", e.getCause().toString());
            }
        }
        return tries.size();
    }

    private void wakeAt(long due) {
        long wait = due - clock.millis();
        if (wait > 0 && !loop.isShutdown()) {
            loop.schedule(this::wake, wait, TimeUnit.MILLISECONDS);
        }
    }

    /** One try of a claimed row, its outcome recorded (which releases the claim). */
    private void send(NotificationStore.Row r) {
        Delivery d = r.delivery();
        Delivery after;
        try {
            after = notifiers.notifier(r.launchId(), r.version()).deliver(d);
        } catch (GoliveException e) {
            // the spec's notify: does not read now (a ${...} unset): perhaps it will at the next try
            after = failedTry(d, "the launch's notify: does not load: " + e.getMessage());
            store.forLaunch(r.launchId(), r.version()).update(after);
        }
        if (after.outcome() == Outcome.FAILED) {
            LOG.warn(
                    "{} notification of launch {} to {} failed after {} tries: {}",
                    d.eventType(),
                    r.launchId(),
                    d.shown(),
                    after.attempts(),
                    after.lastError().orElse(""));
        }
    }

    private Delivery failedTry(Delivery d, String error) {
        Instant now = clock.instant();
        Optional<Instant> next = notifiers.retry().next(d.attempts() + 1, now);
        return new Delivery(
                d.id(),
                d.at(),
                d.destination(),
                d.channel(),
                d.format(),
                d.shown(),
                d.event(),
                next.isPresent() ? Outcome.PENDING : Outcome.FAILED,
                d.attempts() + 1,
                Optional.of(error),
                next.orElse(d.nextAttempt()));
    }

    @Override
    public void close() {
        loop.shutdownNow();
        senders.shutdownNow();
        try {
            senders.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
