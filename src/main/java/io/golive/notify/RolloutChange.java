package io.golive.notify;

import java.util.Locale;

/** The moves of the launch-day guard that people are told about. */
public enum RolloutChange {
    STARTED,
    PROMOTED,
    PAUSED,
    RESUMED,
    ROLLED_BACK,
    COMPLETED;

    /** The event type, {@code rollout.rolled_back}. */
    public String type() {
        return "rollout." + name().toLowerCase(Locale.ROOT);
    }

    /** For people: {@code rolled back}. */
    public String words() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
