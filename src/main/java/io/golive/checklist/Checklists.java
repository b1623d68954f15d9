package io.golive.checklist;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One launch made of several checklists (a spec's {@code checklist:} list): each becomes a top-level
 * section named after its file, and every id inside it is prefixed with that name
 * ({@code security/pre-launch/tls-valid}), so items of different files never collide and a reference
 * can say which file it means. Line numbers stay those of each item's own file.
 */
public final class Checklists {
    private Checklists() {}

    /** One imported file of a launch: its name as the spec gives it, and its checklist. */
    public record Part(String name, Checklist checklist) {
        public Part {
            requireNonNull(name, "null name");
            requireNonNull(checklist, "null checklist");
        }
    }

    /** The parts as one checklist; a single part is returned unchanged. */
    public static Checklist combine(String title, List<Part> parts) {
        requireNonNull(title, "null title");
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("no checklists to combine");
        }
        if (parts.size() == 1) {
            return parts.getFirst().checklist();
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        List<Section> sections = new ArrayList<>();
        List<Criterion> criteria = new ArrayList<>();
        List<String> roles = new ArrayList<>();
        List<Signoff> signoffs = new ArrayList<>();
        List<RollbackTrigger> triggers = new ArrayList<>();
        List<RolloutStep> rollout = new ArrayList<>();
        List<Contact> contacts = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Set<String> prefixes = new HashSet<>();
        for (Part part : parts) {
            Checklist c = part.checklist();
            String prefix = unique(Slugs.slug(stem(part.name())), prefixes);
            c.metadata().forEach(metadata::putIfAbsent);
            sections.add(new Section(
                    prefix,
                    c.title(),
                    1,
                    0,
                    Phase.PRE_LAUNCH,
                    Optional.empty(),
                    true,
                    List.of(),
                    List.of(),
                    c.sections().stream().map(s -> prefixed(prefix, s)).toList()));
            criteria.addAll(c.criteria());
            for (Signoff s : c.signoffs()) {
                if (roles.stream().noneMatch(r -> r.equalsIgnoreCase(s.role()))) {
                    roles.add(s.role());
                    signoffs.add(s);
                }
            }
            triggers.addAll(c.rollbackTriggers());
            rollout.addAll(c.rolloutPlan());
            contacts.addAll(c.contacts());
            c.warnings().forEach(w -> warnings.add(part.name() + ": " + w));
        }
        String source = String.join(", ", parts.stream().map(Part::name).toList());
        return new Checklist(
                source, title, metadata, sections, criteria, signoffs, triggers, rollout, contacts, warnings);
    }

    private static Section prefixed(String prefix, Section s) {
        return new Section(
                prefix + "/" + s.id(),
                s.title(),
                s.level(),
                s.line(),
                s.phase(),
                s.offset(),
                s.blocking(),
                s.items().stream().map(i -> prefixed(prefix, i)).toList(),
                s.criteria(),
                s.sections().stream().map(c -> prefixed(prefix, c)).toList());
    }

    private static Item prefixed(String prefix, Item i) {
        return new Item(
                prefix + "/" + i.id(),
                i.text(),
                i.state(),
                i.blocking(),
                i.line(),
                i.criteria(),
                i.notes(),
                i.children().stream().map(c -> prefixed(prefix, c)).toList(),
                i.owner());
    }

    private static String stem(String name) {
        String file = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }

    private static String unique(String slug, Set<String> taken) {
        String s = slug;
        for (int n = 2; !taken.add(s); n++) {
            s = slug + "-" + n;
        }
        return s;
    }
}
