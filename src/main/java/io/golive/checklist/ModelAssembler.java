package io.golive.checklist;

import io.golive.checklist.Drafts.EntryDraft;
import io.golive.checklist.Drafts.SectionDraft;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Freezes the parser's drafts into the immutable model, giving every section and item its id. */
final class ModelAssembler {
    private static final Pattern OPTIONAL_ITEM = Pattern.compile(
            "\\((?:if applicable|if required|if needed|if any|optional\\b[^)]*|nice[- ]to[- ]have)\\)|^optional\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBERING =
            Pattern.compile("^(?:\\d+(?:\\.\\d+)*|[A-Za-z])[.)]\\s+|^\\d+(?:\\.\\d+)+\\s+");

    private final String source;
    private final List<String> warnings;
    private final SpecialContent special;
    private final Slugs sectionIds = new Slugs();
    private final Slugs itemIds = new Slugs();

    ModelAssembler(String source, List<String> warnings, SpecialContent special) {
        this.source = source;
        this.warnings = warnings;
        this.special = special;
    }

    Checklist assemble(String title, Map<String, String> metadata, List<SectionDraft> roots) {
        List<Section> sections = new ArrayList<>();
        for (SectionDraft root : roots) {
            sections.add(section(root));
        }
        String name = title != null ? title : fileStem();
        return new Checklist(
                source,
                name,
                metadata,
                sections,
                special.criteria,
                special.signoffs,
                special.triggers,
                special.rollout,
                special.contacts,
                warnings);
    }

    private Section section(SectionDraft d) {
        String id = sectionIds.unique(Slugs.slug(
                NUMBERING.matcher(InlineText.withoutLeadingSymbols(d.title)).replaceFirst("")));
        List<Item> items = new ArrayList<>();
        for (EntryDraft e : d.items) {
            item(id, e, d.blocking).ifPresent(items::add);
        }
        List<Threshold> criteria = new ArrayList<>();
        for (EntryDraft b : d.bullets) {
            criteria.addAll(special.bullet(d, b));
        }
        List<Section> children = new ArrayList<>();
        for (SectionDraft c : d.children) {
            children.add(section(c));
        }
        return new Section(id, d.title, d.level, d.line, d.phase, d.offset, d.blocking, items, criteria, children);
    }

    private Optional<Item> item(String sectionId, EntryDraft e, boolean parentBlocking) {
        String text = InlineText.plain(e.text.toString());
        if (text.isEmpty()) {
            warnings.add("line " + e.line + ": a task item with no text; ignored");
            return Optional.empty();
        }
        boolean blocking = parentBlocking && !OPTIONAL_ITEM.matcher(text).find();
        String id = itemIds.unique(sectionId + "/" + Slugs.slug(e.key.orElse(text)));
        List<Threshold> criteria = new ArrayList<>(ThresholdParser.findAll(text));
        List<String> notes = new ArrayList<>();
        for (StringBuilder note : e.notes) {
            String n = InlineText.plain(note.toString());
            if (!n.isEmpty()) {
                notes.add(n);
                criteria.addAll(ThresholdParser.findAll(n));
            }
        }
        List<Item> children = new ArrayList<>();
        for (EntryDraft c : e.children) {
            item(sectionId, c, blocking).ifPresent(children::add);
        }
        return Optional.of(new Item(id, text, e.state, blocking, e.line, criteria, notes, children, e.owner));
    }

    private String fileStem() {
        String name = source.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
