package io.golive.notify;

import static java.util.Objects.requireNonNull;

import io.golive.spec.Secrets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns events into deliveries and delivers them: {@link #notify} records one PENDING delivery per
 * destination that wants the event, {@link #deliverDue} tries those that are due, retrying with
 * back-off and marking each SENT or, after the last try, FAILED. The outbox holds the state, so a new
 * notifier over the same outbox goes on where a stopped one left off.
 */
public final class Notifier {
    private final List<Destination> destinations;
    private final Outbox outbox;
    private final WebhookSender webhooks;
    private final MailSender mail;
    private final Retry retry;
    private final Clock clock;
    private final Secrets secrets;

    public Notifier(
            List<Destination> destinations,
            Outbox outbox,
            WebhookSender webhooks,
            MailSender mail,
            Retry retry,
            Clock clock,
            Secrets secrets) {
        this.destinations = List.copyOf(destinations);
        this.outbox = requireNonNull(outbox, "null outbox");
        this.webhooks = requireNonNull(webhooks, "null webhooks");
        this.mail = requireNonNull(mail, "null mail");
        this.retry = requireNonNull(retry, "null retry");
        this.clock = requireNonNull(clock, "null clock");
        this.secrets = requireNonNull(secrets, "null secrets");
    }

    /** Records the deliveries {@code e} causes (none is sent yet); returns them. */
    public List<Delivery> notify(Event e) {
        requireNonNull(e, "null event");
        List<Delivery> out = new ArrayList<>();
        for (Destination d : destinations) {
            if (d.wants(e) && relevant(d, e)) {
                Delivery delivery = Delivery.pending(UUID.randomUUID().toString(), clock.instant(), d, e);
                outbox.add(delivery);
                out.add(delivery);
            }
        }
        return out;
    }

    /** Tries every PENDING delivery that is due now; returns them as they stand after the try. */
    public List<Delivery> deliverDue() {
        Instant now = clock.instant();
        List<Delivery> out = new ArrayList<>();
        for (Delivery d : outbox.pending()) {
            if (!d.nextAttempt().isAfter(now)) {
                out.add(deliver(d));
            }
        }
        return out;
    }

    /**
     * Tries {@code d} once now, whatever its due time (the caller has claimed it), and records the
     * outcome in the outbox; returns it as it stands after the try.
     */
    public Delivery deliver(Delivery d) {
        Delivery after = attempt(requireNonNull(d, "null delivery"), clock.instant());
        outbox.update(after);
        return after;
    }

    /** When the next PENDING delivery is due; empty when none waits. */
    public Optional<Instant> nextDue() {
        return outbox.pending().stream().map(Delivery::nextAttempt).min(Instant::compareTo);
    }

    private Delivery attempt(Delivery d, Instant now) {
        Optional<Destination> to = destination(d);
        Attempt a = to.isEmpty()
                ? Attempt.never(
                        "notify entry " + (d.destination() + 1) + " (" + d.shown() + ") is no longer in the spec")
                : switch (to.get()) {
                    case WebhookDestination w -> webhooks.send(w, d.event(), secrets);
                    case EmailDestination m -> mail.send(m, d.event(), secrets);
                };
        if (a.sent()) {
            return d.sent();
        }
        String error = secrets.mask(a.error());
        return d.failed(error, a.retry() ? retry.next(d.attempts() + 1, now) : Optional.empty());
    }

    /** The destination a stored delivery was made for, if the spec still has it at the same place. */
    private Optional<Destination> destination(Delivery d) {
        if (d.destination() < 0 || d.destination() >= destinations.size()) {
            return Optional.empty();
        }
        Destination dest = destinations.get(d.destination());
        boolean same = dest.channel().equals(d.channel())
                && dest.format().key().equals(d.format())
                && dest.shown().equals(d.shown());
        return same ? Optional.of(dest) : Optional.empty();
    }

    /** PagerDuty hears of a rollback and of the completion that resolves it, nothing else. */
    private static boolean relevant(Destination d, Event e) {
        return d.format() != Format.PAGERDUTY
                || e.change()
                        .filter(c -> c == RolloutChange.ROLLED_BACK || c == RolloutChange.COMPLETED)
                        .isPresent();
    }
}
