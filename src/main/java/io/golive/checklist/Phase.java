package io.golive.checklist;

/** When a section's items matter relative to T-0. */
public enum Phase {
    PRE_LAUNCH,
    LAUNCH,
    POST_LAUNCH,
    /** A procedure to follow when rolling back, not a gate. */
    ROLLBACK;

    /** Whether items of this phase take part in the Go/No-Go decision made before T-0. */
    public boolean gatesLaunch() {
        return this == PRE_LAUNCH;
    }
}
