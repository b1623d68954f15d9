package io.golive.checklist;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A heading of the checklist with the items and sub-sections under it.
 *
 * @param offset when the section is due relative to T-0, as an ISO-8601 duration ("-PT24H", "-P7D")
 * @param criteria thresholds written in plain bullets of the section (not in task items)
 */
public record Section(
        String id,
        String title,
        int level,
        int line,
        Phase phase,
        Optional<String> offset,
        boolean blocking,
        List<Item> items,
        List<Threshold> criteria,
        List<Section> sections) {
    public Section {
        requireNonNull(id, "null id");
        requireNonNull(title, "null title");
        requireNonNull(phase, "null phase");
        requireNonNull(offset, "null offset");
        items = List.copyOf(items);
        criteria = List.copyOf(criteria);
        sections = List.copyOf(sections);
    }
}
