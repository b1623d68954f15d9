package io.golive.checklist;

import io.golive.checklist.Drafts.EntryDraft;
import io.golive.checklist.Drafts.SectionDraft;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Collects the rows of a pipe table and decides what it is: criteria, sign-offs, contacts or tasks. */
final class TableReader {
    private static final Pattern THRESHOLD_COLUMN = Pattern.compile(
            "threshold|target|goal|slo|limit|criteri|expected|requirement|acceptance", Pattern.CASE_INSENSITIVE);
    private static final Pattern SIGNOFF_COLUMN =
            Pattern.compile("signature|sign[- ]?off|approv", Pattern.CASE_INSENSITIVE);
    private static final Pattern CONTACT_COLUMN =
            Pattern.compile("contact|phone|e-?mail|slack|pager|on[- ]?call", Pattern.CASE_INSENSITIVE);
    private static final Pattern BOX = Pattern.compile("\\[([ xX])\\]|([☐☑☒])");

    private final SpecialContent special;
    private final List<String> warnings;
    private final List<String> rows = new ArrayList<>();
    private int firstLine;
    private String label;
    private SectionDraft section;

    TableReader(SpecialContent special, List<String> warnings) {
        this.special = special;
        this.warnings = warnings;
    }

    boolean open() {
        return !rows.isEmpty();
    }

    void add(int line, String row, String label, SectionDraft section) {
        if (rows.isEmpty()) {
            firstLine = line;
            this.label = label;
            this.section = section;
        }
        rows.add(row);
    }

    void end() {
        try {
            if (rows.size() >= 2 && LineKinds.isDelimiterRow(rows.get(1))) {
                classify(cells(rows.getFirst()), rows.subList(2, rows.size()));
            } else {
                warnings.add("line " + firstLine + ": lines starting with '|' without a header delimiter row; ignored");
            }
        } finally {
            rows.clear();
        }
    }

    private void classify(List<String> header, List<String> body) {
        String joined = String.join(" ", header);
        int thresholdColumn = columnMatching(header, THRESHOLD_COLUMN);
        if (SIGNOFF_COLUMN.matcher(joined).find()
                || SpecialContent.SIGNOFF_HEADING.matcher(label).find()
                        && !CONTACT_COLUMN.matcher(joined).find()) {
            eachRow(body, (cells, line) -> special.addSignoff(cells.getFirst(), line));
        } else if (body.stream().anyMatch(r -> BOX.matcher(r).find())) {
            eachRow(body, this::taskRow);
        } else if (thresholdColumn > 0) {
            String table = section.title;
            eachRow(body, (cells, line) -> {
                if (cells.size() > thresholdColumn && !cells.getFirst().isBlank()) {
                    special.addCriterion(cells.getFirst(), cells.get(thresholdColumn), section, table, line);
                }
            });
        } else if (CONTACT_COLUMN.matcher(joined).find() || SpecialContent.isContactSection(section)) {
            eachRow(
                    body,
                    (cells, line) -> special.addContact(
                            cells.getFirst(), String.join(", ", cells.subList(1, cells.size())), line));
        } else {
            warnings.add("line " + firstLine + ": a table with columns (" + String.join(", ", header)
                    + ") is neither criteria, sign-offs, contacts nor tasks; ignored");
        }
    }

    /** A row with a box becomes a task: its text is the first cell without a box. */
    private void taskRow(List<String> cells, int line) {
        String text = "";
        ItemState state = null;
        for (String cell : cells) {
            Matcher m = BOX.matcher(cell);
            if (m.find()) {
                state = state == null ? boxState(cell) : state;
            } else if (text.isEmpty() && !cell.isBlank()) {
                text = cell;
            }
        }
        if (state == null || text.isEmpty()) {
            return;
        }
        EntryDraft entry = new EntryDraft(true, 0, line, null, text, state);
        section.items.add(entry);
    }

    /** The state of a cell's boxes: {@code [x] Pass / [ ] Fail} is done; a ticked Fail is blocked. */
    private static ItemState boxState(String cell) {
        Matcher m = BOX.matcher(cell);
        ItemState state = ItemState.OPEN;
        while (m.find()) {
            boolean ticked = m.group(1) != null ? !m.group(1).equals(" ") : !"☐⬜".contains(m.group(2));
            if (ticked) {
                String after = cell.substring(m.end()).strip().toLowerCase(Locale.ROOT);
                return after.startsWith("fail") || after.startsWith("no") ? ItemState.BLOCKED : ItemState.DONE;
            }
        }
        return state;
    }

    private void eachRow(List<String> body, RowAction action) {
        for (int i = 0; i < body.size(); i++) {
            List<String> cells = cells(body.get(i));
            if (!cells.isEmpty()) {
                action.accept(cells, firstLine + 2 + i);
            }
        }
    }

    private static int columnMatching(List<String> header, Pattern p) {
        for (int i = 1; i < header.size(); i++) {
            if (p.matcher(header.get(i)).find()) {
                return i;
            }
        }
        return -1;
    }

    /** The cells of a row, split on unescaped pipes, trimmed. */
    static List<String> cells(String row) {
        String r = row.strip();
        if (r.startsWith("|")) {
            r = r.substring(1);
        }
        if (r.endsWith("|") && !r.endsWith("\\|")) {
            r = r.substring(0, r.length() - 1);
        }
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        for (int i = 0; i < r.length(); i++) {
            char c = r.charAt(i);
            if (c == '\\' && i + 1 < r.length() && r.charAt(i + 1) == '|') {
                cell.append('|');
                i++;
            } else if (c == '|') {
                out.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString().strip());
        return out;
    }

    @FunctionalInterface
    private interface RowAction {
        void accept(List<String> cells, int line);
    }
}
