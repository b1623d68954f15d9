package io.golive.probe;

import java.util.List;
import java.util.Optional;

/** The configuration of one check of a probe kind: a record bound from the mapping under its key. */
public interface ProbeConfig {
    /** Every problem with this configuration (the spec loader adds file and line). */
    default List<String> validate() {
        return List.of();
    }

    /** The named target the check runs against, if it names one (per-target concurrency limits). */
    default Optional<String> target() {
        return Optional.empty();
    }

    /** The URL the check runs against, if it gives one itself (per-endpoint concurrency limits). */
    default Optional<String> url() {
        return Optional.empty();
    }
}
