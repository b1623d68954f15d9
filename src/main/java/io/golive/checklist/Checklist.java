package io.golive.checklist;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An imported launch checklist: the whole model of one Markdown file. */
public record Checklist(
        String source,
        String title,
        Map<String, String> metadata,
        List<Section> sections,
        List<Criterion> criteria,
        List<Signoff> signoffs,
        List<RollbackTrigger> rollbackTriggers,
        List<RolloutStep> rolloutPlan,
        List<Contact> contacts,
        List<String> warnings) {
    public Checklist {
        requireNonNull(source, "null source");
        requireNonNull(title, "null title");
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        sections = List.copyOf(sections);
        criteria = List.copyOf(criteria);
        signoffs = List.copyOf(signoffs);
        rollbackTriggers = List.copyOf(rollbackTriggers);
        rolloutPlan = List.copyOf(rolloutPlan);
        contacts = List.copyOf(contacts);
        warnings = List.copyOf(warnings);
    }

    /**
     * This checklist with sign-off roles required from elsewhere (a launch spec's {@code signoffs:})
     * added after its own; a role it already names (ignoring case) is not added twice. Added roles
     * have line 0: they stand in no line of the checklist.
     */
    public Checklist withSignoffs(List<String> roles) {
        List<Signoff> all = new ArrayList<>(signoffs);
        for (String role : roles) {
            if (all.stream().noneMatch(s -> s.role().equalsIgnoreCase(role))) {
                all.add(new Signoff(role, 0));
            }
        }
        if (all.size() == signoffs.size()) {
            return this;
        }
        return new Checklist(
                source, title, metadata, sections, criteria, all, rollbackTriggers, rolloutPlan, contacts, warnings);
    }

    /** Every section, depth first, in source order. */
    public List<Section> allSections() {
        List<Section> out = new ArrayList<>();
        ArrayList<Section> stack = new ArrayList<>(sections.reversed());
        while (!stack.isEmpty()) {
            Section s = stack.removeLast();
            out.add(s);
            stack.addAll(s.sections().reversed());
        }
        return out;
    }

    /** Every item with the section it stands in, depth first, in source order. */
    public void forEachItem(ItemVisitor visitor) {
        for (Section section : allSections()) {
            ArrayList<Item> stack = new ArrayList<>(section.items().reversed());
            while (!stack.isEmpty()) {
                Item item = stack.removeLast();
                visitor.visit(section, item);
                stack.addAll(item.children().reversed());
            }
        }
    }

    /** Every item, depth first, in source order. */
    public List<Item> allItems() {
        List<Item> out = new ArrayList<>();
        forEachItem((section, item) -> out.add(item));
        return out;
    }

    /** Receives each item and its section. */
    @FunctionalInterface
    public interface ItemVisitor {
        void visit(Section section, Item item);
    }
}
