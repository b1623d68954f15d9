package io.golive.rollout;

import static java.util.Objects.requireNonNull;

import java.util.OptionalDouble;

/**
 * One metric's value at one reading, or why there is none.
 *
 * @param value the raw number as read, in the metric's unit; empty is no data (never a pass)
 * @param summary what the probe said ("0.0042", "no data: the query returned no series")
 */
public record Reading(OptionalDouble value, String summary) {
    public Reading {
        requireNonNull(value, "null value");
        requireNonNull(summary, "null summary");
    }

    public static Reading of(double value, String summary) {
        return Double.isFinite(value)
                ? new Reading(OptionalDouble.of(value), summary)
                : new Reading(OptionalDouble.empty(), "no data: the value is " + value + " (" + summary + ")");
    }

    public static Reading none(String why) {
        return new Reading(OptionalDouble.empty(), why);
    }
}
