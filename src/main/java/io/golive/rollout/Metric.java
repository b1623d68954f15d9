package io.golive.rollout;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A named number the guard reads every interval ({@code error rate}, {@code p95}).
 *
 * @param unit the unit the number is in ({@code ratio}, {@code %}, {@code s}, {@code ms} ...), when given
 * @param source the spec line that defines it
 */
public record Metric(String name, Optional<String> unit, String source, Source reader) {
    /** Reads the metric's current value once. */
    @FunctionalInterface
    public interface Source {
        /** The value now; no value (never a pass) when the probe could not measure it. */
        Reading read(Instant deadline);

        /** What is read, for {@code --dry-run}; secrets masked. */
        default Map<String, Object> describe() {
            return Map.of();
        }
    }

    public Metric {
        requireNonNull(name, "null name");
        requireNonNull(unit, "null unit");
        requireNonNull(source, "null source");
        requireNonNull(reader, "null reader");
    }

    /** The key a trigger's metric is matched by: case, spaces, underscores and hyphens ignored. */
    public static String key(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s_\\-]", "");
    }
}
