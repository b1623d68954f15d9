package io.golive.rollout;

import io.golive.checklist.RolloutStep;
import io.golive.spec.Durations;
import io.golive.spec.Node;
import io.golive.spec.Node.ListNode;
import io.golive.spec.Node.ScalarNode;
import io.golive.spec.Problems;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the plan's steps: the spec's {@code steps: [10%, hold 2h, 50%, hold 4h, 100%, watch 24h]}, else
 * the checklist's rollout plan (a hold after 100% there is the watch), and checks their order.
 */
final class Steps {
    private static final Pattern WEIGHT = Pattern.compile("\\s*(-?\\d+(?:\\.\\d+)?)\\s*%?\\s*");
    private static final Pattern TIMED = Pattern.compile("\\s*(hold|watch)\\s+(.+)", Pattern.CASE_INSENSITIVE);

    private Steps() {}

    /** The spec's steps; every problem goes to {@code problems}. */
    static List<Step> fromSpec(Node node, String file, Problems problems) {
        List<Step> out = new ArrayList<>();
        if (!(node instanceof ListNode list)) {
            problems.add(
                    node.line(),
                    "rollout.steps: expected a list such as [10%, hold 2h, 50%, hold 4h, 100%, watch 24h]");
            return out;
        }
        for (Node n : list.items()) {
            String source = file + ":" + n.line();
            Optional<Step> step =
                    n instanceof ScalarNode s && s.value() != null ? parse(s.text(), source) : Optional.empty();
            if (step.isEmpty()) {
                problems.add(
                        n.line(),
                        "rollout.steps: '" + (n instanceof ScalarNode s ? s.text() : "…")
                                + "' is not a step (write a weight such as 10%, 'hold 2h' or 'watch 24h')");
                continue;
            }
            out.add(step.get());
        }
        order(out, problems, list.items());
        return out;
    }

    private static Optional<Step> parse(String text, String source) {
        Matcher w = WEIGHT.matcher(text);
        if (w.matches()) {
            double v = Double.parseDouble(w.group(1));
            return v == Math.rint(v) ? Optional.of(new Step.Weight((int) v, source)) : Optional.empty();
        }
        Matcher t = TIMED.matcher(text);
        if (!t.matches()) {
            return Optional.empty();
        }
        Duration d;
        try {
            d = Durations.parse(t.group(2));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(
                t.group(1).toLowerCase(Locale.ROOT).equals("hold")
                        ? new Step.Hold(d, source)
                        : new Step.Watch(d, source));
    }

    /** Weights are 1 to 100; a hold needs a weight before it; a watch comes after 100%. */
    private static void order(List<Step> steps, Problems problems, List<Node> nodes) {
        int weight = 0;
        for (int i = 0; i < steps.size() && i < nodes.size(); i++) {
            int line = nodes.get(i).line();
            switch (steps.get(i)) {
                case Step.Weight w -> {
                    if (w.percent() < 1 || w.percent() > 100) {
                        problems.add(line, "rollout.steps: weight " + w.percent() + "% is not between 1% and 100%");
                    }
                    weight = w.percent();
                }
                case Step.Hold h -> {
                    if (weight == 0) {
                        problems.add(line, "rollout.steps: a hold before any weight (start with a weight such as 10%)");
                    }
                    positive(h.duration(), line, problems);
                }
                case Step.Watch wt -> {
                    if (weight != 100) {
                        problems.add(line, "rollout.steps: 'watch' comes after 100% (use 'hold' before it)");
                    }
                    positive(wt.duration(), line, problems);
                }
            }
        }
        if (steps.stream().noneMatch(s -> s instanceof Step.Weight)) {
            problems.add(nodes.isEmpty() ? 1 : nodes.getFirst().line(), "rollout.steps: no weight to set");
        }
    }

    private static void positive(Duration d, int line, Problems problems) {
        if (d.isZero()) {
            problems.add(line, "rollout.steps: a hold or watch must last longer than zero");
        }
    }

    /** The checklist's rollout plan as steps; a hold once at 100% becomes the watch. */
    static List<Step> fromChecklist(List<RolloutStep> plan, Path checklist) {
        List<Step> out = new ArrayList<>();
        int weight = 0;
        String file = String.valueOf(checklist.getFileName());
        for (RolloutStep s : plan) {
            String source = file + ":" + s.line();
            if (s.trafficPercent().isPresent()) {
                weight = (int) Math.round(s.trafficPercent().get());
                out.add(new Step.Weight(weight, source));
            }
            if (s.hold().isPresent() && weight > 0) {
                Duration d = Duration.parse(s.hold().get());
                out.add(weight == 100 ? new Step.Watch(d, source) : new Step.Hold(d, source));
            }
        }
        return out;
    }
}
