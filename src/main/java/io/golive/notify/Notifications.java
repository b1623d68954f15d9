package io.golive.notify;

import io.golive.spec.LaunchSpec;
import io.golive.spec.Node;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** The notifier the command line uses: the spec's {@code notify:} entries and an outbox file beside its state. */
public final class Notifications {
    /** How long a webhook or SMTP server has to answer one try. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private Notifications() {}

    /**
     * @param notify the spec's {@code notify:} value ({@code SpecLoader.section(spec, "notify")})
     * @param outbox the outbox file, created on the first delivery
     */
    public static Notifier forSpec(LaunchSpec spec, Optional<Node> notify, Path outbox, Clock clock) {
        return new Notifier(
                NotifyReader.forThisHost().read(spec, notify),
                new FileOutbox(outbox),
                new WebhookSender(TIMEOUT),
                new MailSender(TIMEOUT, clock),
                Retry.DEFAULT,
                clock,
                spec.secrets());
    }
}
