package io.golive.notify;

/** Where a delivery stands. */
public enum Outcome {
    /** Not yet sent, or sent and refused with another try to come. */
    PENDING,
    /** Accepted by the receiving service. */
    SENT,
    /** Given up: the last try failed, or no try could succeed (refused by the egress policy, a 4xx). */
    FAILED
}
