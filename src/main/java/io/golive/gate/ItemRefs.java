package io.golive.gate;

import io.golive.checklist.Checklist;
import io.golive.checklist.Item;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Resolves a check's {@code item:} reference: an item id, else a whole item text (ignoring case), else
 * a substring of exactly one item's text.
 */
final class ItemRefs {
    private final List<Item> items;

    ItemRefs(Checklist checklist) {
        this.items = checklist.allItems();
    }

    /** The item, or a message saying why the reference names none or several. */
    Result resolve(String ref) {
        for (Item i : items) {
            if (i.id().equals(ref)) {
                return new Result(Optional.of(i), "");
            }
        }
        String wanted = ref.toLowerCase(Locale.ROOT).strip();
        List<Item> whole = items.stream()
                .filter(i -> i.text().toLowerCase(Locale.ROOT).equals(wanted))
                .toList();
        if (whole.size() == 1) {
            return new Result(Optional.of(whole.getFirst()), "");
        }
        List<Item> matches = whole.isEmpty()
                ? items.stream()
                        .filter(i -> i.text().toLowerCase(Locale.ROOT).contains(wanted))
                        .toList()
                : whole;
        if (matches.size() == 1) {
            return new Result(Optional.of(matches.getFirst()), "");
        }
        if (matches.isEmpty()) {
            return new Result(Optional.empty(), "item '" + ref + "' matches no item id or text of the checklist");
        }
        StringBuilder msg = new StringBuilder(
                "item '" + ref + "' is ambiguous: it matches " + matches.size() + " items; use one id:");
        matches.stream()
                .limit(10)
                .forEach(i -> msg.append("\n    ")
                        .append(i.id())
                        .append("  (line ")
                        .append(i.line())
                        .append(": ")
                        .append(i.text())
                        .append(')'));
        if (matches.size() > 10) {
            msg.append("\n    ...");
        }
        return new Result(Optional.empty(), msg.toString());
    }

    record Result(Optional<Item> item, String problem) {}
}
