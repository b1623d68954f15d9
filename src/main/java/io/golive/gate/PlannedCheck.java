package io.golive.gate;

import static java.util.Objects.requireNonNull;

import io.golive.checklist.Item;
import io.golive.probe.Probe;
import io.golive.probe.ProbeConfig;
import io.golive.spec.CheckSpec;
import java.util.Optional;

/** A check ready to run: its spec, its probe and bound configuration, and the item it verifies. */
public record PlannedCheck(CheckSpec spec, Probe<?> probe, ProbeConfig config, Optional<Item> item, boolean blocking) {
    public PlannedCheck {
        requireNonNull(spec, "null spec");
        requireNonNull(probe, "null probe");
        requireNonNull(config, "null config");
        requireNonNull(item, "null item");
    }

    /** The check's name for people and reports. */
    public String name() {
        return spec.name().or(() -> item.map(Item::text)).orElse(spec.label());
    }

    /** The target the check runs against, for per-target limits ("" when it names a URL itself). */
    public String targetKey() {
        return config.target().orElse("");
    }
}
