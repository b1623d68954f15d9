package io.golive.gate;

import static java.util.Objects.requireNonNull;

import io.golive.checklist.Checklist;
import io.golive.probe.Status;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The gate's answer for one checklist: the decision, every reason, and each item's status. */
public record Evaluation(
        Checklist checklist,
        Decision decision,
        List<String> reasons,
        List<ItemResult> items,
        List<CheckResult> unboundChecks,
        List<CriterionResult> criteria) {
    public Evaluation {
        requireNonNull(checklist, "null checklist");
        requireNonNull(decision, "null decision");
        reasons = List.copyOf(reasons);
        items = List.copyOf(items);
        unboundChecks = List.copyOf(unboundChecks);
        criteria = List.copyOf(criteria);
    }

    /** How many items have each status; every status is present, zero or not. */
    public Map<Status, Integer> summary() {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            counts.put(s, 0);
        }
        items.forEach(i -> counts.merge(i.status(), 1, Integer::sum));
        return counts;
    }
}
