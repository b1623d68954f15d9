package io.golive.rollout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntPredicate;

/** Actions that record what they were asked, and metrics whose value is a function of the time. */
final class Fakes {
    private Fakes() {}

    /** An action that records every weight it is given and fails where {@code fails} says. */
    static final class Recorder implements Action {
        final List<Integer> weights = new ArrayList<>();
        final List<Instant> times = new ArrayList<>();
        IntPredicate fails = w -> false;
        private final Clock clock;

        Recorder(Clock clock) {
            this.clock = clock;
        }

        @Override
        public synchronized ActionResult run(int weight, Duration timeout) {
            weights.add(weight);
            times.add(clock.instant());
            return fails.test(weight)
                    ? ActionResult.failed("exit 1", "cannot set " + weight)
                    : ActionResult.ok("exit 0", "set " + weight);
        }

        @Override
        public Map<String, Object> describe() {
            return Map.of("fake", true);
        }
    }

    /** A metric whose value at each instant is {@code value} of the time since T0 (null: no data). */
    static Metric metric(String name, String unit, Clock clock, Function<Duration, Double> value) {
        return new Metric(name, Optional.ofNullable(unit), "golive.yaml:1", deadline -> {
            Double v = value.apply(Duration.between(FakeTime.T0, clock.instant()));
            return v == null ? Reading.none("no data: the query returned no series") : Reading.of(v, "value " + v);
        });
    }

    static Map<String, Metric> metrics(Metric... ms) {
        Map<String, Metric> out = new LinkedHashMap<>();
        for (Metric m : ms) {
            out.put(m.name(), m);
        }
        return out;
    }
}
