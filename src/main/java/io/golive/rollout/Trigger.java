package io.golive.rollout;

import static java.util.Objects.requireNonNull;

import io.golive.checklist.Threshold;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A condition over one metric that stops the rollout: {@code p95 > 800ms}, sustained for {@code
 * sustain} (zero: one reading is enough), then {@code then}.
 *
 * @param metric the {@code metrics:} name it reads (already matched)
 * @param when the threshold that, when met by the reading, is a breach
 * @param source where it was written ("LAUNCH.md:154" or "golive.yaml:20")
 */
public record Trigger(String metric, Threshold when, Duration sustain, Then then, String source) {
    /** What a fired trigger does. */
    public enum Then {
        ROLLBACK,
        PAUSE
    }

    public Trigger {
        requireNonNull(metric, "null metric");
        requireNonNull(when, "null when");
        requireNonNull(sustain, "null sustain");
        requireNonNull(then, "null then");
        requireNonNull(source, "null source");
    }

    /**
     * Whether a value read in {@code metricUnit} breaches the trigger: a ratio compares with a percent
     * ({@code 0.012} breaches {@code > 1%}), time and size units convert; empty when the units do not.
     */
    public Optional<Boolean> breachedBy(double value, Optional<String> metricUnit) {
        Optional<String> limitUnit = when.unit();
        if (limitUnit.isEmpty() || metricUnit.isEmpty()) {
            return limitUnit.isPresent() ? Optional.empty() : Optional.of(when.test(value));
        }
        if (metricUnit.get().equals("ratio")) {
            return limitUnit.get().equals("%") ? Optional.of(when.test(value * 100)) : Optional.empty();
        }
        return when.test(value, metricUnit.get());
    }

    /** The trigger as written for people: {@code p95 > 800ms for 2m, then pause}. */
    public String describe() {
        return metric + " " + when.expression()
                + (sustain.isZero() ? "" : " for " + io.golive.spec.Durations.format(sustain)) + ", then "
                + then.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The entry of {@code --dry-run --json}'s {@code triggers}. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("metric", metric);
        m.put("op", when.op().symbol());
        m.put("value", when.value());
        m.put("unit", when.unit().orElse(null));
        m.put("for", sustain.toString());
        m.put("then", then.name().toLowerCase(java.util.Locale.ROOT));
        m.put("source", source);
        return m;
    }
}
