package io.golive.notify;

import java.util.Locale;
import java.util.Optional;

/** What a notification is about; a {@code notify:} entry's {@code events:} names these. */
public enum Topic {
    /** GO changed to NO-GO or back, with the reasons. */
    DECISION,
    /** A role's approval is wanted. */
    SIGNOFF,
    /** An item passed (or is about to pass) its due date. */
    OVERDUE,
    /** The launch-day guard moved: started, promoted, paused, rolled back, completed. */
    ROLLOUT;

    /** The name written in the spec and in event types ({@code rollout}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Topic> of(String key) {
        for (Topic t : values()) {
            if (t.key().equals(key)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
