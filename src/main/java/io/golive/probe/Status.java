package io.golive.probe;

/** The status of a check or an item. */
public enum Status {
    PASS,
    FAIL,
    /** The check could not run: refused, timed out, bad configuration, no data. */
    ERROR,
    /** Manual and not done yet. */
    PENDING,
    /** Ticked in the source or attested. */
    DONE,
    WAIVED,
    /** Belongs to a phase after T-0: not part of the pre-launch decision. */
    DEFERRED;

    /** Whether a blocking item in this status lets the launch go. */
    public boolean allowsGo() {
        return this == PASS || this == DONE || this == WAIVED || this == DEFERRED;
    }
}
