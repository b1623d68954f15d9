package io.golive.notify;

import io.golive.spec.LaunchSpec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The notifier the command line uses: the spec's {@code notify:} entries and an outbox file beside its state. */
public final class Notifications {
    /** How long a webhook or SMTP server has to answer one try. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private Notifications() {}

    /**
     * @param destinations the spec's {@code notify:} entries, as {@link NotifyReader} read them
     * @param outbox the outbox file, created on the first delivery
     */
    public static Notifier forSpec(LaunchSpec spec, List<Destination> destinations, Path outbox, Clock clock) {
        return new Notifier(
                destinations,
                new FileOutbox(outbox),
                new WebhookSender(TIMEOUT),
                new MailSender(TIMEOUT, clock),
                Retry.DEFAULT,
                clock,
                spec.secrets());
    }
}
