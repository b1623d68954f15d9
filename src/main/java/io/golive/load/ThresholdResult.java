package io.golive.load;

import static java.util.Objects.requireNonNull;

import io.golive.checklist.Threshold;
import java.util.OptionalDouble;

/**
 * A threshold applied to a load test's result.
 *
 * @param threshold the threshold as given
 * @param actual the measured value in the threshold's unit; empty when there is nothing to measure
 *     (no responses, or a metric a load test does not measure), which never meets a threshold
 * @param met whether the actual value meets the threshold
 * @param note why there is no value, when there is none
 */
public record ThresholdResult(Threshold threshold, OptionalDouble actual, boolean met, String note) {
    public ThresholdResult {
        requireNonNull(threshold, "null threshold");
        requireNonNull(actual, "null actual");
        requireNonNull(note, "null note");
    }

    /** The expression as written, e.g. {@code p95 < 500ms}. */
    public String expr() {
        if (!threshold.text().isBlank()) {
            return threshold.text().strip();
        }
        return threshold.metric().map(m -> m + " ").orElse("") + threshold.expression();
    }
}
