package io.golive.cli;

import io.golive.notify.Delivery;
import io.golive.notify.Destination;
import io.golive.notify.GuardEvents;
import io.golive.notify.Launch;
import io.golive.notify.Notifications;
import io.golive.notify.Notifier;
import io.golive.notify.Outcome;
import io.golive.spec.LaunchSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The spec's {@code notify:} entries told of what the guard does. Deliveries are recorded and sent on
 * a thread of their own, so that a slow webhook or SMTP server never delays a reading or a rollback;
 * retries run at their back-off while the guard runs, and what is still pending when it stops stays
 * in the outbox beside the state file for the next {@code golive rollout} on that state.
 */
final class LaunchNotices implements AutoCloseable {
    /** How long a stopping guard waits for deliveries in flight. */
    private static final Duration DRAIN = Duration.ofSeconds(25);

    private final Optional<Notifier> notifier;
    private final Launch launch;
    private final Path outbox;
    private final PrintWriter err;
    private final ScheduledThreadPoolExecutor sender;

    private LaunchNotices(Optional<Notifier> notifier, Launch launch, Path outbox, PrintWriter err) {
        this.notifier = notifier;
        this.launch = launch;
        this.outbox = outbox;
        this.err = err;
        this.sender = notifier.isEmpty()
                ? null
                : new ScheduledThreadPoolExecutor(1, r -> {
                    Thread t = new Thread(r, "golive-notify");
                    t.setDaemon(true);
                    return t;
                });
        if (sender != null) {
            // on close, retries waiting for their back-off stay in the outbox instead of holding the exit
            sender.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        }
    }

    /** The notices of a launch to the spec's {@code notify:} entries; none when it has none. */
    static LaunchNotices open(LaunchSpec spec, List<Destination> destinations, Path state, PrintWriter err) {
        Path outbox = outboxBeside(state);
        Launch launch = new Launch(spec.name(), spec.name());
        if (destinations.isEmpty()) {
            return new LaunchNotices(Optional.empty(), launch, outbox, err);
        }
        LaunchNotices n = new LaunchNotices(
                Optional.of(Notifications.forSpec(spec, destinations, outbox, Clock.systemUTC())), launch, outbox, err);
        n.sender.execute(n::deliver); // what an earlier run left pending
        return n;
    }

    /** {@code NAME.rollout.json} keeps its deliveries in {@code NAME.notify.json}. */
    static Path outboxBeside(Path state) {
        String name = state.getFileName().toString();
        String stem = name.endsWith(".rollout.json")
                ? name.substring(0, name.length() - ".rollout.json".length())
                : name.replaceFirst("\\.json$", "");
        return state.resolveSibling(stem + ".notify.json");
    }

    /** A guard event: people hear of starts, promotions, pauses, rollbacks and the completion. */
    void guardEvent(Map<String, Object> event) {
        if (notifier.isEmpty()) {
            return;
        }
        GuardEvents.toEvent(launch, event)
                .ifPresent(e -> sender.execute(() -> {
                    notifier.get().notify(e);
                    deliver();
                }));
    }

    /** Sends what is due, then comes back when the next retry is due (while the guard runs). */
    private void deliver() {
        if (!deliverDue() || sender.isShutdown()) {
            return;
        }
        notifier.orElseThrow().nextDue().ifPresent(due -> {
            long wait = Math.max(0, Duration.between(Instant.now(), due).toMillis());
            sender.schedule(this::deliver, wait, TimeUnit.MILLISECONDS);
        });
    }

    /** Tries the deliveries due now and prints what did not go out; false when the outbox is unusable. */
    private boolean deliverDue() {
        try {
            report(notifier.orElseThrow().deliverDue());
            return true;
        } catch (RuntimeException e) {
            // an unwritable outbox: say so and go on guarding; the launch matters more than the message
            err.println("notify: cannot deliver (" + outbox + "): " + e.getMessage());
            err.flush();
            return false;
        }
    }

    private void report(List<Delivery> tried) {
        for (Delivery d : tried) {
            if (d.outcome() == Outcome.FAILED) {
                err.println("notify: " + d.eventType() + " to " + d.shown() + " failed: "
                        + d.lastError().orElse("no reason given"));
            } else if (d.outcome() == Outcome.PENDING) {
                err.println("notify: " + d.eventType() + " to " + d.shown() + " not sent yet ("
                        + d.lastError().orElse("") + "), try " + d.attempts() + "; retried at " + d.nextAttempt());
            }
        }
        err.flush();
    }

    /** Sends what is due now and waits a little for it; what is left stays pending in the outbox. */
    @Override
    public void close() {
        if (notifier.isEmpty()) {
            return;
        }
        sender.execute(this::deliverDue);
        sender.shutdown(); // scheduled retries are dropped: they wait in the outbox
        try {
            if (!sender.awaitTermination(DRAIN.toMillis(), TimeUnit.MILLISECONDS)) {
                sender.shutdownNow();
            }
        } catch (InterruptedException e) {
            sender.shutdownNow();
            Thread.currentThread().interrupt();
        }
        if (notifier.get().nextDue().isPresent()) {
            err.println("notify: deliveries still pending in " + outbox
                    + "; the next golive rollout on this state sends them");
            err.flush();
        }
    }
}
