package io.golive.notify;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * One event on its way to one destination, as the outbox keeps it. It holds no secret: the destination
 * is named by its position in {@code notify:} and shown masked, and the body is rendered at sending
 * time, so a PagerDuty key or an SMTP password never reaches the record.
 *
 * @param at when the delivery was created
 * @param destination the index of its entry in {@code notify:}
 * @param shown where it goes, masked ({@code https://hooks.slack.com/****})
 * @param nextAttempt when a PENDING delivery is next tried
 */
public record Delivery(
        String id,
        Instant at,
        int destination,
        String channel,
        String format,
        String shown,
        Event event,
        Outcome outcome,
        int attempts,
        Optional<String> lastError,
        Instant nextAttempt) {
    public Delivery {
        requireNonNull(id, "null id");
        requireNonNull(at, "null at");
        requireNonNull(channel, "null channel");
        requireNonNull(format, "null format");
        requireNonNull(shown, "null shown");
        requireNonNull(event, "null event");
        requireNonNull(outcome, "null outcome");
        requireNonNull(lastError, "null lastError");
        requireNonNull(nextAttempt, "null nextAttempt");
    }

    /** A new delivery, due now. */
    static Delivery pending(String id, Instant now, Destination d, Event e) {
        return new Delivery(
                id,
                now,
                d.index(),
                d.channel(),
                d.format().key(),
                d.shown(),
                e,
                Outcome.PENDING,
                0,
                Optional.empty(),
                now);
    }

    Delivery sent() {
        return new Delivery(
                id, at, destination, channel, format, shown, event, Outcome.SENT, attempts + 1, lastError, nextAttempt);
    }

    /** One more failed try: PENDING again at {@code next}, or FAILED when {@code next} is empty. */
    Delivery failed(String error, Optional<Instant> next) {
        return new Delivery(
                id,
                at,
                destination,
                channel,
                format,
                shown,
                event,
                next.isPresent() ? Outcome.PENDING : Outcome.FAILED,
                attempts + 1,
                Optional.of(error),
                next.orElse(nextAttempt));
    }

    /** The event's type, {@code rollout.completed}. */
    public String eventType() {
        return event.type();
    }
}
