package io.golive.server.notify;

import io.golive.notify.Retry;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The server's notification settings, {@code golive.notify.*} ({@code GOLIVE_NOTIFY_SWEEP} and so on);
 * docs/notifications.md lists them.
 *
 * @param sweep how often each replica looks for deliveries due (those a crash left behind, retries)
 * @param lease how long a replica's claim on a delivery holds; longer than any one try may take
 * @param timeout how long a webhook or SMTP server has to answer one try
 * @param overdueEvery how often the timeline is checked for items overdue or due within a day
 */
@ConfigurationProperties("golive.notify")
public record NotifyProperties(
        @DefaultValue("10s") Duration sweep,
        @DefaultValue("1m") Duration lease,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("1m") Duration overdueEvery,
        @DefaultValue Retries retry) {

    /** @see Retry: {@code attempts} tries, the wait doubling from {@code first} up to {@code longest} */
    public record Retries(
            @DefaultValue("5") int attempts,
            @DefaultValue("1m") Duration first,
            @DefaultValue("15m") Duration longest) {
        Retry policy() {
            return new Retry(attempts, first, longest);
        }
    }
}
