package io.golive.checklist;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Mutable pieces of the model while the parser reads the file; frozen into records at the end. */
final class Drafts {
    private Drafts() {}

    /** A heading and what stands under it. */
    static final class SectionDraft {
        final String title;
        final int level;
        final int line;
        final Phase phase;
        final Optional<String> offset;
        final boolean blocking;
        final SectionDraft parent;
        final List<EntryDraft> items = new ArrayList<>();
        final List<EntryDraft> bullets = new ArrayList<>();
        final List<SectionDraft> children = new ArrayList<>();

        SectionDraft(
                String title,
                int level,
                int line,
                Phase phase,
                Optional<String> offset,
                boolean blocking,
                SectionDraft parent) {
            this.title = title;
            this.level = level;
            this.line = line;
            this.phase = phase;
            this.offset = offset;
            this.blocking = blocking;
            this.parent = parent;
        }

        /** The titles of this section and its parents, innermost first, for context words. */
        String context() {
            StringBuilder sb = new StringBuilder(title);
            for (SectionDraft p = parent; p != null; p = p.parent) {
                sb.append(" / ").append(p.title);
            }
            return sb.toString();
        }
    }

    /**
     * A list entry: a task item, or a plain bullet. A task keeps the tasks nested under it as children
     * and the plain bullets and text under it as notes.
     */
    static final class EntryDraft {
        final boolean task;
        final int indent;
        final int line;
        final int depth;
        final EntryDraft parent;
        final StringBuilder text;
        final ItemState state;
        final List<StringBuilder> notes = new ArrayList<>();
        final List<EntryDraft> children = new ArrayList<>();
        /** A gate table row's id cell ({@code A1}): the item's id comes from it rather than its text. */
        Optional<String> key = Optional.empty();
        /** A gate table row's owner cell. */
        Optional<String> owner = Optional.empty();

        EntryDraft(boolean task, int indent, int line, EntryDraft parent, String text, ItemState state) {
            this.task = task;
            this.indent = indent;
            this.line = line;
            this.parent = parent;
            this.depth = parent == null ? 0 : parent.depth + 1;
            this.text = new StringBuilder(text);
            this.state = state;
        }

        /** The label a plain bullet stands under: its parent bullet's text, if any. */
        Optional<String> label() {
            return parent == null ? Optional.empty() : Optional.of(parent.text.toString());
        }

        /** The nearest task item at or above this entry. */
        Optional<EntryDraft> taskOwner() {
            for (EntryDraft e = this; e != null; e = e.parent) {
                if (e.task) {
                    return Optional.of(e);
                }
            }
            return Optional.empty();
        }
    }
}
