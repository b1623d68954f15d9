package io.golive.gate;

import static java.util.Objects.requireNonNull;

import io.golive.checklist.Checklist;
import io.golive.checklist.Criterion;
import io.golive.checklist.Item;
import io.golive.checklist.ItemState;
import io.golive.checklist.Section;
import io.golive.probe.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides GO or NO-GO: every blocking pre-launch item PASS, DONE or WAIVED, and every measured
 * Go/No-Go criterion met. Items of later phases are DEFERRED.
 */
public final class Gate {
    /** Evaluates a checklist with the results of the checks bound to it (none for a bare checklist). */
    public Evaluation evaluate(Checklist checklist, List<CheckResult> checks) {
        return evaluate(checklist, checks, Map.of());
    }

    /**
     * Evaluates with what people said of items since the import, by item id: {@code WAIVED} (an
     * approved waiver) settles an item whatever its checks found; {@code DONE} or {@code PENDING} (an
     * owner's attestation) replaces the item's box, but not the verdict of its checks.
     */
    public Evaluation evaluate(Checklist checklist, List<CheckResult> checks, Map<String, Status> overrides) {
        requireNonNull(checklist, "null checklist");
        requireNonNull(checks, "null checks");
        requireNonNull(overrides, "null overrides");
        Map<String, List<CheckResult>> byItem = new LinkedHashMap<>();
        List<CheckResult> unbound = new ArrayList<>();
        for (CheckResult c : checks) {
            c.itemId()
                    .ifPresentOrElse(
                            id -> byItem.computeIfAbsent(id, k -> new ArrayList<>())
                                    .add(c),
                            () -> unbound.add(c));
        }
        List<ItemResult> items = new ArrayList<>();
        checklist.forEachItem((section, item) -> items.add(
                itemResult(section, item, byItem.getOrDefault(item.id(), List.of()), overrides.get(item.id()))));
        List<CriterionResult> criteria = checklist.criteria().stream()
                .map(c -> new CriterionResult(c, Optional.empty(), Optional.empty()))
                .toList();
        List<String> reasons = reasons(items, unbound, criteria);
        Decision decision = reasons.isEmpty() ? Decision.GO : Decision.NO_GO;
        if (decision == Decision.GO) {
            reasons = List.of(goReason(items));
        }
        return new Evaluation(checklist, decision, reasons, items, unbound, criteria);
    }

    private static ItemResult itemResult(Section section, Item item, List<CheckResult> checks, Status override) {
        Status status = status(section, item, checks);
        if (override == Status.WAIVED
                || checks.isEmpty()
                        && (override == Status.DONE || override == Status.PENDING && status == Status.DONE)) {
            status = override;
        }
        return new ItemResult(section, item, section.phase(), status, checks);
    }

    /** Machine evidence outranks a ticked box; a later phase defers an item that nothing checks. */
    static Status status(Section section, Item item, List<CheckResult> checks) {
        if (!checks.isEmpty()) {
            return worst(checks);
        }
        if (!section.phase().gatesLaunch()) {
            return Status.DEFERRED;
        }
        return item.state() == ItemState.DONE ? Status.DONE : Status.PENDING;
    }

    private static Status worst(List<CheckResult> checks) {
        Status worst = Status.PASS;
        for (CheckResult c : checks) {
            Status s = c.observation().status();
            if (s == Status.FAIL || s == Status.ERROR && worst != Status.FAIL) {
                worst = s;
            }
        }
        return worst;
    }

    private static List<String> reasons(
            List<ItemResult> items, List<CheckResult> unbound, List<CriterionResult> criteria) {
        List<String> reasons = new ArrayList<>();
        for (ItemResult r : items) {
            if (r.blocksLaunch()) {
                reasons.add(itemReason(r));
            }
        }
        for (CheckResult c : unbound) {
            if (c.blocking() && !c.observation().status().allowsGo()) {
                reasons.add(c.observation().status() + ": check '" + c.name() + "': "
                        + c.observation().summary());
            }
        }
        for (CriterionResult c : criteria) {
            if (c.met().isPresent() && !c.met().get()) {
                Criterion k = c.criterion();
                reasons.add("criterion not met: " + k.name() + " " + k.raw() + " (actual "
                        + c.actual().orElse(null) + ")");
            }
        }
        return reasons;
    }

    private static String itemReason(ItemResult r) {
        String why = switch (r.status()) {
            case PENDING -> r.item().state() == ItemState.BLOCKED ? "marked blocked" : "not done";
            default ->
                r.checks().stream()
                        .filter(c -> !c.observation().status().allowsGo())
                        .map(c -> c.type() + ": " + c.observation().summary())
                        .findFirst()
                        .orElse("");
        };
        return r.status() + ": " + r.item().id() + " — " + r.item().text() + " (line "
                + r.item().line() + "): " + why;
    }

    private static String goReason(List<ItemResult> items) {
        long gating = items.stream()
                .filter(i -> i.item().blocking() && i.phase().gatesLaunch())
                .count();
        return "all " + gating + " blocking pre-launch items are PASS, DONE or WAIVED";
    }
}
