package io.golive.checklist;

import io.golive.InputException;
import io.golive.checklist.Drafts.EntryDraft;
import io.golive.checklist.Drafts.SectionDraft;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Reads a Markdown checklist line by line. Line-based rather than a full CommonMark tree: it keeps
 * exact line numbers, tolerates the loose indentation of hand-written checklists, and never recurses,
 * so a hostile file cannot overflow the stack.
 */
final class ChecklistParser {
    /** Deeper lists than this are refused: no real checklist nests so far. */
    static final int MAX_DEPTH = 64;

    private final String source;
    private final List<String> warnings = new ArrayList<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private final List<SectionDraft> roots = new ArrayList<>();
    private final ArrayList<SectionDraft> sectionStack = new ArrayList<>();
    private final ArrayList<EntryDraft> listStack = new ArrayList<>();
    private final SpecialContent special;
    private final TableReader tables;
    private String title;
    private SectionDraft section;
    private boolean blankBefore = true;
    private boolean lastWasEntry;
    private String lastParagraph;
    private String label = "";

    ChecklistParser(String source) {
        this.source = source;
        this.special = new SpecialContent(warnings);
        this.tables = new TableReader(special, warnings);
    }

    Checklist parse(String text) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        int start = FrontMatter.read(lines, metadata);
        String fence = null;
        int fenceIndent = 0;
        boolean inReport = false;
        for (int i = start; i < lines.length; i++) {
            String line = lines[i];
            int number = i + 1;
            if (fence != null) {
                if (closesFence(line.strip(), fence)) {
                    fence = null;
                }
                continue;
            }
            if (line.startsWith(MarkdownWriter.REPORT_START)) {
                inReport = true;
                continue;
            }
            if (inReport) {
                inReport = !line.startsWith(MarkdownWriter.REPORT_END);
                continue;
            }
            int indent = LineKinds.indent(line);
            String body = line.strip();
            Matcher f = LineKinds.FENCE.matcher(body);
            if (f.find()) {
                fence = f.group(1);
                fenceIndent = indent;
                endTableIfAny();
                blankBefore = false;
                continue;
            }
            readLine(number, line, indent, body);
        }
        if (fence != null) {
            warnings.add("line " + lines.length + ": a code fence is never closed (from indent " + fenceIndent + ")");
        }
        endTableIfAny();
        return new ModelAssembler(source, warnings, special).assemble(title, metadata, roots);
    }

    private static boolean closesFence(String body, String fence) {
        if (!body.startsWith(fence)) {
            return false;
        }
        for (int i = 0; i < body.length(); i++) {
            if (body.charAt(i) != fence.charAt(0)) {
                return false;
            }
        }
        return true;
    }

    private void readLine(int number, String line, int indent, String body) {
        if (body.isEmpty()) {
            endTableIfAny();
            blankBefore = true;
            lastParagraph = null;
            return;
        }
        if (body.startsWith("|") || tables.open() && body.contains("|")) {
            closeList();
            tables.add(number, body, label, currentSectionOrRoot());
            blankBefore = false;
            return;
        }
        endTableIfAny();
        if (indent < 4 || listStack.isEmpty()) {
            if (readBlockStart(number, line, indent, body)) {
                blankBefore = false;
                return;
            }
        }
        Matcher item = indent < 4 || !listStack.isEmpty() ? LineKinds.match(LineKinds.LIST_ITEM, body) : null;
        if (item != null) {
            listItem(number, indent, item.group(2) == null ? "" : item.group(2));
        } else {
            plainLine(number, indent, body);
        }
        blankBefore = false;
    }

    /** Headings, setext underlines, thematic breaks, comments; true when the line was one. */
    private boolean readBlockStart(int number, String line, int indent, String body) {
        Matcher h = LineKinds.match(LineKinds.HEADING, line);
        if (h != null) {
            heading(number, h.group(1).length(), h.group(2) == null ? "" : h.group(2));
            return true;
        }
        if (lastParagraph != null
                && !lastWasEntry
                && listStack.isEmpty()
                && LineKinds.match(LineKinds.SETEXT, body) != null) {
            heading(number - 1, body.charAt(0) == '=' ? 1 : 2, lastParagraph);
            return true;
        }
        if (LineKinds.isThematicBreak(body)) {
            closeList();
            lastParagraph = null;
            return true;
        }
        if (body.startsWith("<!--") && body.endsWith("-->")) {
            return true;
        }
        return false;
    }

    private void heading(int number, int level, String raw) {
        closeList();
        lastParagraph = null;
        label = "";
        String text = InlineText.plain(raw);
        if (title == null && level == 1 && roots.isEmpty()) {
            title = text;
            return;
        }
        while (!sectionStack.isEmpty() && sectionStack.getLast().level >= level) {
            sectionStack.removeLast();
        }
        SectionDraft parent = sectionStack.isEmpty() ? null : sectionStack.getLast();
        Phase parentPhase = parent == null ? Phase.PRE_LAUNCH : parent.phase;
        Optional<String> offset = Timeline.offset(text).or(() -> parent == null ? Optional.empty() : parent.offset);
        Optional<String> own = Timeline.offset(text);
        Phase phase = Timeline.phase(text, own, parentPhase);
        boolean blocking = Timeline.blocking(text).orElse(parent == null || parent.blocking);
        SectionDraft s = new SectionDraft(text, level, number, phase, offset, blocking, parent);
        if (parent == null) {
            roots.add(s);
        } else {
            parent.children.add(s);
        }
        sectionStack.add(s);
        section = s;
        special.sectionOpened(s);
    }

    private void listItem(int number, int indent, String content) {
        lastParagraph = null;
        while (!listStack.isEmpty() && listStack.getLast().indent >= indent) {
            listStack.removeLast();
        }
        EntryDraft parent = listStack.isEmpty() ? null : listStack.getLast();
        if (parent != null && parent.depth + 1 >= MAX_DEPTH) {
            throw InputException.at(source, number, "lists nested deeper than " + MAX_DEPTH + " levels");
        }
        EntryDraft entry = entry(number, indent, content, parent);
        listStack.add(entry);
        lastWasEntry = true;
        SectionDraft s = currentSectionOrRoot();
        if (entry.task) {
            Optional<EntryDraft> owner = parent == null ? Optional.empty() : parent.taskOwner();
            if (owner.isPresent()) {
                owner.get().children.add(entry);
            } else {
                s.items.add(entry);
            }
        } else {
            Optional<EntryDraft> owner = parent == null ? Optional.empty() : parent.taskOwner();
            if (owner.isPresent()) {
                owner.get().notes.add(entry.text);
            } else {
                s.bullets.add(entry);
            }
        }
    }

    private EntryDraft entry(int number, int indent, String content, EntryDraft parent) {
        Matcher box = LineKinds.match(LineKinds.TASK_BOX, content);
        if (box != null) {
            ItemState state = switch (box.group(1)) {
                case "x", "X" -> ItemState.DONE;
                case "!" -> ItemState.BLOCKED;
                default -> ItemState.OPEN;
            };
            return new EntryDraft(true, indent, number, parent, box.group(2) == null ? "" : box.group(2), state);
        }
        ItemState emoji = LineKinds.emojiState(content);
        if (emoji != null) {
            return new EntryDraft(true, indent, number, parent, LineKinds.afterEmoji(content), emoji);
        }
        return new EntryDraft(false, indent, number, parent, content, ItemState.OPEN);
    }

    private void plainLine(int number, int indent, String body) {
        if (!listStack.isEmpty() && (indent > 0 || !blankBefore)) {
            EntryDraft last = listStack.getLast();
            if (!blankBefore && lastWasEntry && !body.startsWith(">")) {
                continueText(last.text, body);
                return;
            }
            Optional<EntryDraft> owner = ownerAt(indent);
            if (owner.isPresent()) {
                owner.get()
                        .notes
                        .add(new StringBuilder(
                                body.startsWith(">") ? body.substring(1).strip() : body));
                lastWasEntry = false;
                return;
            }
        }
        closeList();
        paragraph(number, body);
    }

    /** A continuation line or a hard line break (two spaces or a backslash at the end of the line). */
    private static void continueText(StringBuilder text, String body) {
        if (!text.isEmpty() && text.charAt(text.length() - 1) == '\\') {
            text.setLength(text.length() - 1);
        }
        text.append(' ').append(body);
    }

    private Optional<EntryDraft> ownerAt(int indent) {
        for (int i = listStack.size() - 1; i >= 0; i--) {
            EntryDraft e = listStack.get(i);
            if (e.indent < indent) {
                return e.taskOwner();
            }
        }
        return listStack.isEmpty() ? Optional.empty() : listStack.getLast().taskOwner();
    }

    private void paragraph(int number, String body) {
        lastParagraph = body;
        lastWasEntry = false;
        if (body.startsWith(">")) {
            return;
        }
        Matcher key = LineKinds.match(LineKinds.BOLD_KEY, body);
        if (key == null) {
            label = body;
            return;
        }
        String name = InlineText.plain(key.group(1)).strip();
        String value = InlineText.plain(key.group(2));
        label = name;
        if (special.signoffLine(section, name, value, number)) {
            return;
        }
        if (!value.isEmpty() && !metadata.containsKey(name)) {
            metadata.put(name, value);
        }
    }

    private SectionDraft currentSectionOrRoot() {
        if (section == null) {
            String t = title == null ? "Checklist" : title;
            section = new SectionDraft(t, 1, 1, Phase.PRE_LAUNCH, Optional.empty(), true, null);
            roots.add(section);
            sectionStack.add(section);
        }
        return section;
    }

    private void closeList() {
        listStack.clear();
        lastWasEntry = false;
    }

    private void endTableIfAny() {
        if (tables.open()) {
            tables.end();
        }
    }
}
