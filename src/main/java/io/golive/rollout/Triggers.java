package io.golive.rollout;

import io.golive.checklist.RollbackTrigger;
import io.golive.checklist.Threshold;
import io.golive.checklist.ThresholdParser;
import io.golive.spec.Durations;
import io.golive.spec.Node;
import io.golive.spec.Node.ListNode;
import io.golive.spec.Node.MapNode;
import io.golive.spec.Node.ScalarNode;
import io.golive.spec.Problems;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the triggers: the checklist's rollback triggers that carry a threshold, then the spec's
 * {@code triggers:}, added to them (one with the same condition replaces the checklist's). Each
 * must read a defined metric in a unit it compares with.
 */
final class Triggers {
    private static final Set<String> KEYS = Set.of("when", "for", "then");

    private Triggers() {}

    /** The checklist's numeric rollback triggers; an undefined metric is a problem on the checklist line. */
    static List<Trigger> fromChecklist(
            List<RollbackTrigger> triggers, Map<String, Metric> metrics, Problems problems, String file) {
        List<Trigger> out = new ArrayList<>();
        for (RollbackTrigger t : triggers) {
            if (t.threshold().isEmpty() || t.threshold().get().metric().isEmpty()) {
                continue; // "Security breach detected": a person's call, not a number the guard can read
            }
            Threshold th = t.threshold().get();
            metric(th.metric().get(), metrics, t.line(), "trigger '" + t.text().strip() + "'", problems)
                    .ifPresent(m -> units(m, th, t.line(), problems)
                            .ifPresent(ok -> out.add(new Trigger(
                                    m.name(), th, Duration.ZERO, Trigger.Then.ROLLBACK, file + ":" + t.line()))));
        }
        return out;
    }

    /** The spec's triggers. */
    static List<Trigger> fromSpec(Node node, Map<String, Metric> metrics, Problems problems, String file) {
        List<Trigger> out = new ArrayList<>();
        if (!(node instanceof ListNode list)) {
            problems.add(
                    node.line(), "rollout.triggers: expected a list of {when: \"p95 > 800ms\", for: 2m, then: pause}");
            return out;
        }
        for (Node n : list.items()) {
            if (!(n instanceof MapNode m) || m.get("when").isEmpty()) {
                problems.add(
                        n.line(),
                        "rollout.triggers: each trigger is a mapping with when: (such as when: \"p95 > 800ms\")");
                continue;
            }
            m.entries().keySet().stream()
                    .filter(k -> !KEYS.contains(k))
                    .forEach(k -> problems.add(
                            m.lineOf(k), "rollout.triggers: unknown key '" + k + "' (known: for, then, when)"));
            one(m, metrics, problems, file).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<Trigger> one(MapNode m, Map<String, Metric> metrics, Problems problems, String file) {
        String when = scalar(m, "when");
        int line = m.lineOf("when");
        Threshold th;
        try {
            th = ThresholdParser.parse(when);
        } catch (RuntimeException e) {
            problems.add(
                    line,
                    "rollout.triggers.when: '" + when
                            + "' is not a condition such as \"p95 > 800ms\" or \"error rate > 1%\"");
            return Optional.empty();
        }
        if (th.metric().isEmpty()) {
            problems.add(line, "rollout.triggers.when: '" + when + "' names no metric (write \"p95 > 800ms\")");
            return Optional.empty();
        }
        Duration sustain = Duration.ZERO;
        if (m.get("for").isPresent()) {
            try {
                sustain = Durations.parse(scalar(m, "for"));
            } catch (IllegalArgumentException e) {
                problems.add(m.lineOf("for"), "rollout.triggers.for: " + e.getMessage());
            }
        }
        Trigger.Then then = Trigger.Then.ROLLBACK;
        if (m.get("then").isPresent()) {
            Optional<Trigger.Then> t = then(scalar(m, "then"));
            if (t.isEmpty()) {
                problems.add(
                        m.lineOf("then"),
                        "rollout.triggers.then: expected rollback or pause, got '" + scalar(m, "then") + "'");
            }
            then = t.orElse(then);
        }
        Optional<Metric> metric = metric(th.metric().get(), metrics, line, "trigger '" + when + "'", problems);
        if (metric.isEmpty() || units(metric.get(), th, line, problems).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Trigger(metric.get().name(), th, sustain, then, file + ":" + m.line()));
    }

    static Optional<Trigger.Then> then(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "rollback" -> Optional.of(Trigger.Then.ROLLBACK);
            case "pause" -> Optional.of(Trigger.Then.PAUSE);
            default -> Optional.empty();
        };
    }

    /**
     * Spec triggers are added to the checklist's; one with the same condition as a checklist trigger
     * ({@code P95 > 1s} and {@code p95 > 1s for 2m}) replaces it, to give it a window or a {@code then}.
     */
    static List<Trigger> merge(List<Trigger> fromChecklist, List<Trigger> fromSpec) {
        Map<String, Trigger> out = new LinkedHashMap<>();
        fromChecklist.forEach(t -> out.putIfAbsent(sameCondition(t), t));
        Set<String> replaced = new java.util.HashSet<>();
        List<Trigger> extra = new ArrayList<>();
        for (Trigger t : fromSpec) {
            String key = sameCondition(t);
            if (out.containsKey(key) && replaced.add(key)) {
                out.put(key, t);
            } else {
                extra.add(t);
            }
        }
        List<Trigger> all = new ArrayList<>(out.values());
        all.addAll(extra);
        return all;
    }

    private static String sameCondition(Trigger t) {
        return t.metric() + " " + t.when().expression();
    }

    private static Optional<Metric> metric(
            String name, Map<String, Metric> metrics, int line, String what, Problems problems) {
        Optional<Metric> m = metrics.values().stream()
                .filter(x -> Metric.key(x.name()).equals(Metric.key(name)))
                .findFirst();
        if (m.isEmpty()) {
            problems.add(
                    line,
                    what + " reads metric '" + name + "', which rollout.metrics does not define"
                            + (metrics.isEmpty()
                                    ? " (there are none)"
                                    : " (defined: " + String.join(", ", metrics.keySet()) + ")"));
        }
        return m;
    }

    /** The metric's unit must compare with the threshold's ({@code ratio} with {@code %}, {@code s} with {@code ms}). */
    private static Optional<Boolean> units(Metric m, Threshold th, int line, Problems problems) {
        Trigger probe = new Trigger(m.name(), th, Duration.ZERO, Trigger.Then.ROLLBACK, "");
        if (th.unit().isPresent() && m.unit().isEmpty()) {
            problems.add(
                    line,
                    "metric '" + m.name() + "' has no unit, but its trigger compares with " + th.expression()
                            + ": give the metric unit: (ratio, %, s, ms ...)");
            return Optional.empty();
        }
        if (probe.breachedBy(0, m.unit()).isEmpty()) {
            problems.add(
                    line,
                    "metric '" + m.name() + "' is in " + m.unit().orElse("no unit") + ", which does not compare with "
                            + th.expression());
            return Optional.empty();
        }
        return Optional.of(true);
    }

    private static String scalar(MapNode m, String key) {
        return m.get(key)
                .filter(n -> n instanceof ScalarNode s && s.value() != null)
                .map(n -> ((ScalarNode) n).text())
                .orElse("");
    }
}
