package io.golive.gate;

import static java.util.Objects.requireNonNull;

import io.golive.checklist.Item;
import io.golive.checklist.Phase;
import io.golive.checklist.Section;
import io.golive.probe.Status;
import java.util.List;

/** The status of one item, with the checks that decided it. */
public record ItemResult(Section section, Item item, Phase phase, Status status, List<CheckResult> checks) {
    public ItemResult {
        requireNonNull(section, "null section");
        requireNonNull(item, "null item");
        requireNonNull(phase, "null phase");
        requireNonNull(status, "null status");
        checks = List.copyOf(checks);
    }

    /** Whether this item keeps the launch from going. */
    public boolean blocksLaunch() {
        return item.blocking() && phase.gatesLaunch() && !status.allowsGo();
    }
}
