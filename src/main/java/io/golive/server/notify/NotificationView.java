package io.golive.server.notify;

import io.golive.notify.Delivery;
import java.time.Instant;

/**
 * One delivery as {@code GET /api/launches/{id}/notifications} shows it; never a secret: the destination
 * is shown masked ({@code https://hooks.slack.com/****}), errors are masked with the spec's secrets.
 *
 * @param at when the event was recorded
 * @param entry which entry of the spec's {@code notify:} list it goes to, counted from 1
 * @param channel {@code webhook} or {@code email}
 * @param format {@code json}, {@code slack}, {@code teams}, {@code pagerduty} or {@code email}
 * @param event the event type, {@code decision} or {@code rollout.completed}
 * @param outcome {@code SENT}, {@code FAILED} or {@code PENDING}
 * @param to where it goes, masked
 * @param sentAt when the receiving service accepted it (SENT only)
 * @param nextAttempt when a PENDING delivery is tried next
 * @param lastError why the last try failed
 */
record NotificationView(
        String id,
        Instant at,
        int entry,
        String channel,
        String format,
        String event,
        String outcome,
        int attempts,
        String to,
        Instant sentAt,
        Instant nextAttempt,
        String lastError) {

    static NotificationView of(NotificationStore.Row r) {
        Delivery d = r.delivery();
        boolean pending = d.outcome() == io.golive.notify.Outcome.PENDING;
        return new NotificationView(
                d.id(),
                d.at(),
                d.destination() + 1,
                d.channel(),
                d.format(),
                d.eventType(),
                d.outcome().name(),
                d.attempts(),
                d.shown(),
                r.sentAt().orElse(null),
                pending ? d.nextAttempt() : null,
                d.lastError().orElse(null));
    }

    /** The answer: the launch's deliveries, newest first. */
    record Page(long launch, java.util.List<NotificationView> notifications) {}
}
