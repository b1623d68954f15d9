package io.golive.server.ui;

import io.golive.rollout.Step;
import io.golive.rollout.Trigger;
import io.golive.server.rollout.RolloutView;
import io.golive.spec.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A server rollout as its page shows it, from the rollout service's read model: the steps with the
 * current one, the healthy time left in the hold, one chart per metric against its triggers, the
 * events newest first, and whether their chain verifies.
 *
 * @param running whether the page keeps refreshing (RUNNING or PAUSED)
 * @param holdLeft "1m 20s left"; empty at a weight step or when done
 * @param charts each metric's SVG, drawn by {@link MetricChart}
 */
record RolloutPage(
        String status,
        boolean running,
        int weight,
        List<StepRow> steps,
        Optional<String> holdLeft,
        String started,
        boolean forced,
        Optional<String> request,
        Optional<String> driver,
        List<String> charts,
        List<EventRow> events,
        int eventCount,
        boolean verified,
        Optional<String> verifyProblem) {
    /** Events shown on the page, newest first (the API lists them all). */
    static final int EVENTS_SHOWN = 200;

    private static final Set<String> CHAIN_KEYS = Set.of("type", "at", "hash", "prev", "seq");

    /** A step of the plan: "10%", "hold 2h", "watch 24h"; {@code state} is done, current, next or stopped. */
    record StepRow(int index, String label, String state) {}

    /** An event: when, its type, and its data in a line ("weight=10"). */
    record EventRow(String at, String type, String details) {}

    static RolloutPage of(RolloutView v, ReadableTime time) {
        List<StepRow> steps = new ArrayList<>();
        for (int i = 0; i < v.steps().size(); i++) {
            String state = i < v.step() ? "done" : i == v.step() && !finished(v) ? "current" : "next";
            if (i == v.step() && "ROLLED_BACK".equals(v.status())) {
                state = "stopped"; // where the rollback came
            }
            steps.add(new StepRow(i + 1, label(v.steps().get(i)), state));
        }
        List<String> charts = v.metrics().stream()
                .map(m -> MetricChart.svg(series(m), time.zone()))
                .toList();
        List<Map<String, Object>> newestFirst = new ArrayList<>(v.events());
        java.util.Collections.reverse(newestFirst);
        List<EventRow> events = newestFirst.stream()
                .limit(EVENTS_SHOWN)
                .map(e -> event(e, time))
                .toList();
        return new RolloutPage(
                v.status(),
                !finished(v),
                v.weight(),
                steps,
                v.holdLeft().map(d -> words(d) + " left"),
                time.dateAndRelative(v.startedAt()) + " by " + v.startedBy(),
                v.forced(),
                v.request(),
                v.driver(),
                charts,
                events,
                v.events().size(),
                v.verified(),
                v.verifyProblem());
    }

    private static boolean finished(RolloutView v) {
        return "COMPLETED".equals(v.status()) || "ROLLED_BACK".equals(v.status());
    }

    static String label(Step s) {
        return switch (s) {
            case Step.Weight w -> w.percent() + "%";
            case Step.Hold h -> "hold " + Durations.format(h.duration());
            case Step.Watch w -> "watch " + Durations.format(w.duration());
        };
    }

    /** The metric's readings and its triggers' thresholds, converted to the metric's unit. */
    static MetricChart.Series series(RolloutView.MetricReadings m) {
        List<MetricChart.Limit> limits = new ArrayList<>();
        for (Trigger t : m.triggers()) {
            limitIn(t, m.unit())
                    .ifPresent(v -> limits.add(new MetricChart.Limit(
                            v, t.when().expression() + " → " + t.then().name().toLowerCase(Locale.ROOT))));
        }
        List<MetricChart.Sample> samples = m.readings().stream()
                .map(p -> new MetricChart.Sample(p.at(), p.value(), breach(m, p.value())))
                .toList();
        return new MetricChart.Series(m.name(), m.unit().orElse(""), samples, limits);
    }

    /** A trigger's limit in the unit the metric is read in: "> 1%" over a ratio is 0.01. */
    static Optional<Double> limitIn(Trigger t, Optional<String> metricUnit) {
        double value = t.when().value();
        Optional<String> unit = t.when().unit();
        if (unit.isEmpty() || metricUnit.isEmpty()) {
            return Optional.of(value);
        }
        if (metricUnit.get().equals("ratio") && unit.get().equals("%")) {
            return Optional.of(value / 100);
        }
        OptionalDouble converted = t.when().valueIn(metricUnit.get());
        return converted.isPresent() ? Optional.of(converted.getAsDouble()) : Optional.empty();
    }

    private static boolean breach(RolloutView.MetricReadings m, OptionalDouble value) {
        return value.isPresent()
                && m.triggers().stream()
                        .anyMatch(
                                t -> t.breachedBy(value.getAsDouble(), m.unit()).orElse(false));
    }

    private static EventRow event(Map<String, Object> e, ReadableTime time) {
        String at = e.get("at") instanceof String s ? time.clock(Instant.parse(s)) : "";
        String details = e.entrySet().stream()
                .filter(x -> !CHAIN_KEYS.contains(x.getKey()))
                .map(x -> x.getKey() + "=" + x.getValue())
                .collect(Collectors.joining(" · "));
        return new EventRow(at, String.valueOf(e.get("type")), details);
    }

    /** "1h 5m", "2m 10s", "40s". */
    static String words(Duration d) {
        long s = d.toSeconds();
        if (s >= 3600) {
            return s / 3600 + "h" + (s % 3600 / 60 == 0 ? "" : " " + (s % 3600) / 60 + "m");
        }
        if (s >= 60) {
            return s / 60 + "m" + (s % 60 == 0 ? "" : " " + s % 60 + "s");
        }
        return s + "s";
    }
}
