package io.golive.gate;

import static java.util.Objects.requireNonNull;

import io.golive.checklist.Criterion;
import io.golive.probe.Observation.Reading;
import io.golive.probe.Status;
import java.util.List;
import java.util.Optional;

/**
 * A Go/No-Go criterion and what the checks bound to it measured.
 *
 * @param status PASS or FAIL when measured, ERROR when a check could not measure it, PENDING while
 *     nothing measures a pre-launch criterion, DEFERRED for a post-launch one, WAIVED
 * @param actual the measured value in the criterion's unit, absent while nothing measured it
 * @param met absent while nothing measured the criterion
 * @param checks the checks bound to it, with their evidence
 */
public record CriterionResult(
        Criterion criterion, Status status, Optional<Reading> actual, Optional<Boolean> met, List<CheckResult> checks) {
    public CriterionResult {
        requireNonNull(criterion, "null criterion");
        requireNonNull(status, "null status");
        requireNonNull(actual, "null actual");
        requireNonNull(met, "null met");
        checks = List.copyOf(checks);
    }

    /** Whether this criterion keeps the launch from going. */
    public boolean blocksLaunch() {
        return criterion.phase().gatesLaunch() && !status.allowsGo();
    }

    /** {@code CFUR ≥ 99.8%}: the row as the checklist writes it. */
    public String describe() {
        return criterion.name() + " " + criterion.raw();
    }
}
