package io.golive.checklist;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * One task of a checklist, with the items nested under it.
 *
 * @param id stable id, {@code section-slug/item-slug}, unique within the checklist
 * @param text the item's text, repaired and without Markdown emphasis
 * @param state what the source says of it
 * @param blocking whether an open item blocks the launch
 * @param line the 1-based line of the item in the source
 * @param criteria the thresholds written in the item or in the plain bullets under it
 * @param notes plain bullets and text written under the item
 * @param children the task items nested under this one
 * @param owner who the source names as its owner (a gate table's Owner column), when it names one
 */
public record Item(
        String id,
        String text,
        ItemState state,
        boolean blocking,
        int line,
        List<Threshold> criteria,
        List<String> notes,
        List<Item> children,
        Optional<String> owner) {
    public Item {
        requireNonNull(id, "null id");
        requireNonNull(owner, "null owner");
        requireNonNull(text, "null text");
        requireNonNull(state, "null state");
        criteria = List.copyOf(criteria);
        notes = List.copyOf(notes);
        children = List.copyOf(children);
    }

    /** An item without an owner. */
    public Item(
            String id,
            String text,
            ItemState state,
            boolean blocking,
            int line,
            List<Threshold> criteria,
            List<String> notes,
            List<Item> children) {
        this(id, text, state, blocking, line, criteria, notes, children, Optional.empty());
    }

    /** Ticked in the source. */
    public boolean checked() {
        return state == ItemState.DONE;
    }
}
