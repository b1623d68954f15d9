package io.golive.gate;

import static java.util.Objects.requireNonNull;

import io.golive.checklist.Criterion;
import java.util.Optional;

/**
 * A Go/No-Go criterion and, when a check measured it, the value and whether it was met.
 *
 * @param actual the measured value, absent while nothing measures the criterion
 * @param met absent while nothing measures the criterion
 */
public record CriterionResult(Criterion criterion, Optional<Double> actual, Optional<Boolean> met) {
    public CriterionResult {
        requireNonNull(criterion, "null criterion");
        requireNonNull(actual, "null actual");
        requireNonNull(met, "null met");
    }
}
