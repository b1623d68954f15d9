package io.golive.gate;

import static java.util.Objects.requireNonNull;

import io.golive.checklist.Checklist;
import io.golive.checklist.Criterion;
import io.golive.checklist.Item;
import io.golive.checklist.ItemState;
import io.golive.checklist.Section;
import io.golive.probe.Observation.Reading;
import io.golive.probe.ProbeVerdict;
import io.golive.probe.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides GO or NO-GO: every blocking pre-launch item PASS, DONE or WAIVED, and every pre-launch
 * Go/No-Go criterion measured and met (or waived). Items and criteria of later phases are DEFERRED.
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
        return evaluate(checklist, checks, overrides, Set.of());
    }

    /**
     * Evaluates as above; the criteria whose ids {@code waivedCriteria} holds (approved waivers) are
     * {@code WAIVED} whatever their checks measured.
     */
    public Evaluation evaluate(
            Checklist checklist, List<CheckResult> checks, Map<String, Status> overrides, Set<String> waivedCriteria) {
        requireNonNull(checklist, "null checklist");
        requireNonNull(checks, "null checks");
        requireNonNull(overrides, "null overrides");
        requireNonNull(waivedCriteria, "null waivedCriteria");
        Map<String, List<CheckResult>> byItem = new LinkedHashMap<>();
        Map<String, List<CheckResult>> byCriterion = new LinkedHashMap<>();
        List<CheckResult> unbound = new ArrayList<>();
        for (CheckResult c : checks) {
            c.itemId()
                    .ifPresent(id ->
                            byItem.computeIfAbsent(id, k -> new ArrayList<>()).add(c));
            c.criterionId()
                    .ifPresent(id -> byCriterion
                            .computeIfAbsent(id, k -> new ArrayList<>())
                            .add(c));
            if (c.itemId().isEmpty() && c.criterionId().isEmpty()) {
                unbound.add(c);
            }
        }
        List<ItemResult> items = new ArrayList<>();
        checklist.forEachItem((section, item) -> items.add(
                itemResult(section, item, byItem.getOrDefault(item.id(), List.of()), overrides.get(item.id()))));
        List<CriterionResult> criteria = checklist.criteria().stream()
                .map(c -> criterionResult(c, byCriterion.getOrDefault(c.id(), List.of()), waivedCriteria))
                .toList();
        List<String> reasons = reasons(items, unbound, criteria);
        Decision decision = reasons.isEmpty() ? Decision.GO : Decision.NO_GO;
        if (decision == Decision.GO) {
            reasons = List.of(goReason(items, criteria));
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

    /** The worst verdict of the checks, FAIL over ERROR over PASS ({@link ProbeVerdict#worse}). */
    static Status worst(List<CheckResult> checks) {
        return checks.stream()
                .map(c -> c.observation().verdict())
                .reduce(ProbeVerdict.PASS, ProbeVerdict::worse)
                .status();
    }

    /**
     * A criterion's status: what its checks measured (met when they PASS, their threshold being the
     * criterion's unless they set their own); PENDING before launch while nothing measures it,
     * DEFERRED for a later phase.
     */
    static CriterionResult criterionResult(Criterion c, List<CheckResult> checks, Set<String> waived) {
        Optional<CheckResult> decisive = checks.stream()
                .filter(r -> r.observation().status() == worst(checks))
                .findFirst();
        Optional<Reading> actual = decisive.flatMap(r -> r.observation().actual())
                .or(() -> checks.stream()
                        .flatMap(r -> r.observation().actual().stream())
                        .findFirst());
        Status status;
        if (waived.contains(c.id())) {
            status = Status.WAIVED;
        } else if (!checks.isEmpty()) {
            status = worst(checks);
        } else {
            status = c.phase().gatesLaunch() ? Status.PENDING : Status.DEFERRED;
        }
        Optional<Boolean> met = checks.isEmpty() || worst(checks) == Status.ERROR
                ? Optional.empty()
                : Optional.of(worst(checks) == Status.PASS);
        return new CriterionResult(c, status, actual, met, checks);
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
            if (c.blocksLaunch()) {
                reasons.add(criterionReason(c));
            }
        }
        return reasons;
    }

    private static String criterionReason(CriterionResult c) {
        String where = "line " + c.criterion().line();
        String check = c.checks().stream()
                .filter(r -> r.observation().status() == c.status())
                .map(r -> ": " + r.type() + ": " + r.observation().summary())
                .findFirst()
                .orElse("");
        return switch (c.status()) {
            case PENDING -> "criterion not measured: " + c.describe() + " (" + where + ")";
            case FAIL ->
                "criterion not met: " + c.describe() + " ("
                        + c.actual().map(a -> "actual " + a.text() + ", ").orElse("") + where + ")" + check;
            default -> "criterion not measured: " + c.describe() + " (" + where + "): " + c.status() + check;
        };
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

    private static String goReason(List<ItemResult> items, List<CriterionResult> criteria) {
        long gating = items.stream()
                .filter(i -> i.item().blocking() && i.phase().gatesLaunch())
                .count();
        long measured = criteria.stream()
                .filter(c -> c.criterion().phase().gatesLaunch())
                .count();
        return "all " + gating + " blocking pre-launch items are PASS, DONE or WAIVED"
                + (measured == 0 ? "" : "; all " + measured + " pre-launch criteria are met or waived");
    }
}
