package io.golive.rollout;

import io.golive.spec.Durations;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The plan as {@code --dry-run} shows it: a JSON object, or text for people. */
public final class PlanView {
    private PlanView() {}

    /** {@code {"steps": [...], "triggers": [...], "traffic": {...}, "rollback": {...}, ...}}. */
    public static Map<String, Object> json(Plan plan) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", plan.name());
        m.put("steps", plan.steps().stream().map(Step::toJson).toList());
        m.put("interval", plan.interval().toString());
        Map<String, Object> metrics = new LinkedHashMap<>();
        plan.metrics().forEach((name, metric) -> {
            Map<String, Object> one = new LinkedHashMap<>(metric.reader().describe());
            one.put("unit", metric.unit().orElse(null));
            one.put("source", metric.source());
            metrics.put(name, one);
        });
        m.put("metrics", metrics);
        m.put("triggers", plan.triggers().stream().map(Trigger::toJson).toList());
        m.put(
                "noData",
                Map.of(
                        "after",
                        plan.noData().after(),
                        "then",
                        lower(plan.noData().then())));
        m.put("traffic", action(plan.traffic()));
        m.put("rollback", plan.rollback().map(PlanView::action).orElse(null));
        return m;
    }

    private static Map<String, Object> action(Plan.Configured a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(a.kind(), a.action().describe());
        m.put("timeout", a.timeout().toString());
        m.put("retries", a.retries());
        return m;
    }

    /** The plan for people, one fact a line. */
    public static String text(Plan plan) {
        StringBuilder sb = new StringBuilder();
        sb.append("Rollout plan for ").append(plan.name()).append('\n');
        sb.append("Steps:\n");
        for (Step s : plan.steps()) {
            String what = switch (s) {
                case Step.Weight w -> "set traffic to " + w.percent() + "%";
                case Step.Hold h -> "hold " + Durations.format(h.duration()) + " of healthy readings";
                case Step.Watch w -> "watch " + Durations.format(w.duration()) + " at 100%";
            };
            sb.append("  ").append(what).append("  (").append(s.source()).append(")\n");
        }
        sb.append("Metrics, read every ")
                .append(Durations.format(plan.interval()))
                .append(":\n");
        plan.metrics()
                .forEach((name, m) -> sb.append("  ")
                        .append(name)
                        .append(": ")
                        .append(m.reader().describe().entrySet().stream()
                                .map(e -> e.getKey() + " " + e.getValue())
                                .collect(Collectors.joining(", ")))
                        .append(m.unit().map(u -> ", in " + u).orElse(""))
                        .append("  (")
                        .append(m.source())
                        .append(")\n"));
        sb.append("Triggers:\n");
        if (plan.triggers().isEmpty()) {
            sb.append("  none (only missing data stops the rollout)\n");
        }
        plan.triggers()
                .forEach(t -> sb.append("  ")
                        .append(t.describe())
                        .append("  (")
                        .append(t.source())
                        .append(")\n"));
        sb.append("No data: after ")
                .append(plan.noData().after())
                .append(" readings in a row, ")
                .append(lower(plan.noData().then()))
                .append('\n');
        sb.append("Traffic: ").append(actionText(plan.traffic())).append('\n');
        sb.append("Rollback: traffic to 0%")
                .append(plan.rollback().map(a -> ", then " + actionText(a)).orElse(""))
                .append('\n');
        return sb.toString();
    }

    private static String actionText(Plan.Configured a) {
        String what = a.action().describe().entrySet().stream()
                .map(e -> e.getKey() + " "
                        + (e.getValue() instanceof java.util.List<?> l
                                ? l.stream().map(String::valueOf).collect(Collectors.joining(" "))
                                : String.valueOf(e.getValue())))
                .collect(Collectors.joining(", "));
        return what + " (timeout " + Durations.format(a.timeout()) + ", " + a.retries() + " retries)";
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
