package io.golive.notify;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code webhook:} entry.
 *
 * @param routingKey the PagerDuty integration key (format {@code pagerduty} only)
 */
public record WebhookDestination(
        int index, int line, URI url, Format format, Optional<String> routingKey, Set<Topic> events, String shown)
        implements Destination {
    public WebhookDestination {
        requireNonNull(url, "null url");
        requireNonNull(format, "null format");
        requireNonNull(routingKey, "null routingKey");
        events = Set.copyOf(events);
        requireNonNull(shown, "null shown");
    }

    @Override
    public String channel() {
        return "webhook";
    }

    @Override
    public String toString() {
        return "webhook " + shown + " (" + format.key() + ")";
    }
}
