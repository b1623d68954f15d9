package io.golive.rollout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What one reading means: which metrics had no value, which triggers are breached, which have been
 * breached long enough to fire, and whether the reading was healthy (every metric present, none
 * breached) and so counts toward the hold.
 */
record Verdict(List<String> missing, List<Trigger> breached, List<Trigger> fired, Map<String, OptionalDouble> values) {
    boolean healthy() {
        return missing.isEmpty() && breached.isEmpty();
    }

    /**
     * Judges readings; {@code since} (by trigger index) is updated: a breach starts or continues a
     * window, a reading within the limit ends it, a missing reading leaves it as it was.
     */
    static Verdict judge(Plan plan, Map<String, Reading> readings, Map<Integer, Instant> since, Instant now) {
        List<String> missing = new ArrayList<>();
        Map<String, OptionalDouble> values = new LinkedHashMap<>();
        plan.metrics().forEach((name, m) -> {
            OptionalDouble v =
                    Optional.ofNullable(readings.get(name)).map(Reading::value).orElse(OptionalDouble.empty());
            values.put(name, v);
            if (v.isEmpty()) {
                missing.add(name);
            }
        });
        List<Trigger> breached = new ArrayList<>();
        List<Trigger> fired = new ArrayList<>();
        for (int i = 0; i < plan.triggers().size(); i++) {
            Trigger t = plan.triggers().get(i);
            OptionalDouble v = values.getOrDefault(t.metric(), OptionalDouble.empty());
            if (v.isEmpty()) {
                continue;
            }
            Optional<String> unit = plan.metrics().get(t.metric()).unit();
            if (!t.breachedBy(v.getAsDouble(), unit).orElse(false)) {
                since.remove(i);
                continue;
            }
            breached.add(t);
            Instant start = since.computeIfAbsent(i, k -> now);
            if (Duration.between(start, now).compareTo(t.sustain()) >= 0) {
                fired.add(t);
            }
        }
        return new Verdict(List.copyOf(missing), List.copyOf(breached), List.copyOf(fired), values);
    }

    /** The {@code reading} event: every metric's raw value with its unit, and how the hold stands. */
    Map<String, Object> toJson(Plan plan, Map<String, Reading> readings, RolloutState s, Duration credit) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        plan.metrics().forEach((name, m) -> {
            Map<String, Object> one = new LinkedHashMap<>();
            OptionalDouble v = values.get(name);
            one.put("value", v.isPresent() ? v.getAsDouble() : null);
            one.put("unit", m.unit().orElse(null));
            Reading r = readings.get(name);
            if (v.isEmpty() && r != null) {
                one.put("reason", r.summary());
            }
            metrics.put(name, one);
        });
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("step", s.step);
        e.put("weight", s.weight);
        e.put("status", s.status.name());
        e.put("metrics", metrics);
        e.put("healthy", healthy());
        e.put("breached", breached.stream().map(Trigger::describe).toList());
        e.put("credited", credit.toString());
        e.put("held", s.healthy.toString());
        return e;
    }
}
