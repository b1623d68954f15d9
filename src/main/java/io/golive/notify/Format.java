package io.golive.notify;

import java.util.Locale;
import java.util.Optional;

/** The body a webhook receives; {@link #EMAIL} is the format of every e-mail delivery. */
public enum Format {
    /** golive's own event document. */
    JSON,
    /** A Slack incoming-webhook message with blocks. */
    SLACK,
    /** A Microsoft Teams MessageCard. */
    TEAMS,
    /** A PagerDuty Events API v2 event. */
    PAGERDUTY,
    /** A plain-text mail. */
    EMAIL;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A webhook format by its spec name. */
    public static Optional<Format> webhook(String key) {
        for (Format f : values()) {
            if (f != EMAIL && f.key().equals(key)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
