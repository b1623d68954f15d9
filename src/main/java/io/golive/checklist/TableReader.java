package io.golive.checklist;

import io.golive.checklist.Drafts.EntryDraft;
import io.golive.checklist.Drafts.SectionDraft;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Collects the rows of a pipe table and decides what it is: criteria, sign-offs, contacts, gates or tasks. */
final class TableReader {
    private static final Pattern THRESHOLD_COLUMN = Pattern.compile(
            "threshold|target|goal|slo|limit|criteri|expected|requirement|acceptance", Pattern.CASE_INSENSITIVE);
    private static final Pattern LIMIT_COLUMN =
            Pattern.compile("threshold|target|goal|slo|limit", Pattern.CASE_INSENSITIVE);
    private static final Pattern SIGNOFF_COLUMN =
            Pattern.compile("signature|sign[- ]?off|approv", Pattern.CASE_INSENSITIVE);
    private static final Pattern CONTACT_COLUMN =
            Pattern.compile("contact|phone|e-?mail|slack|pager|on[- ]?call", Pattern.CASE_INSENSITIVE);
    static final Pattern BOX = Pattern.compile("\\[([ xX])\\]|([☐☑☒])");

    /** Longer rows split on every unescaped pipe: no real table row is this long. */
    private static final int MAX_SPAN_ROW = 16_384;

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
        Optional<GateColumns> gates;
        if (SIGNOFF_COLUMN.matcher(joined).find()
                || SpecialContent.SIGNOFF_HEADING.matcher(label).find()
                        && !CONTACT_COLUMN.matcher(joined).find()) {
            eachRow(body, (cells, line) -> special.addSignoff(cells.getFirst(), line));
        } else if ((gates = gateColumns(header, body, thresholdColumn, joined)).isPresent()) {
            eachRow(body, (cells, line) -> gateRow(gates.get(), header, cells, line));
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
                    + ") is neither criteria, sign-offs, contacts, gates nor tasks; ignored");
        }
    }

    /** Gate columns, unless a Threshold or contact column, or a contacts heading, says what the table is. */
    private Optional<GateColumns> gateColumns(
            List<String> header, List<String> body, int thresholdColumn, String joined) {
        if (CONTACT_COLUMN.matcher(joined).find() || SpecialContent.isContactSection(section)) {
            return Optional.empty();
        }
        List<List<String>> rows = body.stream()
                .map(TableReader::cells)
                .filter(cells -> cells.stream().anyMatch(c -> !c.isBlank()))
                .toList();
        for (int i = 1; thresholdColumn > 0 && i < header.size(); i++) {
            if (THRESHOLD_COLUMN.matcher(header.get(i)).find() && holdsLimits(header.get(i), rows, i)) {
                return Optional.empty();
            }
        }
        return GateColumns.of(header, rows);
    }

    /**
     * A Threshold, Target or Limit column holds limits; a Requirement, Criterion or Expected column
     * does when most of its cells are short thresholds ({@code < 500ms}), and is a gate's text when
     * they are prose ({@code | REQ-1 | All endpoints answer | ... |}).
     */
    private static boolean holdsLimits(String header, List<List<String>> rows, int column) {
        if (LIMIT_COLUMN.matcher(header).find()) {
            return true;
        }
        long filled = rows.stream()
                .filter(r -> r.size() > column && !r.get(column).isBlank())
                .count();
        long limits = rows.stream()
                .filter(r -> r.size() > column && r.get(column).length() <= 24)
                .filter(r -> ThresholdParser.parseCell(null, r.get(column)).isPresent())
                .count();
        return limits * 2 > filled;
    }

    /**
     * A gate row becomes a task: the id cell its id, the gate cell its text, the verification cell its
     * first note, the status cell its state; other filled cells are notes as {@code Header: value}.
     */
    private void gateRow(GateColumns g, List<String> header, List<String> cells, int line) {
        String key = InlineText.plain(cells.getFirst());
        String text = at(cells, g.text());
        if (key.isEmpty() && text.isEmpty() && cells.stream().allMatch(String::isBlank)) {
            return;
        }
        ItemState state = g.status() < 0 ? ItemState.OPEN : GateColumns.state(at(cells, g.status()));
        EntryDraft entry = new EntryDraft(true, 0, line, null, text, state);
        entry.key = Optional.of(key).filter(k -> !k.isEmpty());
        entry.owner = Optional.of(InlineText.plain(at(cells, g.owner()))).filter(o -> !o.isEmpty());
        if (!at(cells, g.note()).isEmpty()) {
            entry.notes.add(new StringBuilder(at(cells, g.note())));
        }
        for (int i = 1; i < cells.size(); i++) {
            boolean other = i != g.text() && i != g.note() && i != g.status() && i != g.owner();
            if (other && !cells.get(i).isEmpty() && i < header.size()) {
                entry.notes.add(new StringBuilder(header.get(i)).append(": ").append(cells.get(i)));
            }
        }
        section.items.add(entry);
    }

    private static String at(List<String> cells, int column) {
        return column >= 0 && column < cells.size() ? cells.get(column) : "";
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
    static ItemState boxState(String cell) {
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

    /** The cells of a row, split on pipes that are neither escaped nor inside a code span, trimmed. */
    static List<String> cells(String row) {
        String r = row.strip();
        List<Integer> pipes = pipes(r);
        int from = 0;
        int to = r.length();
        int first = 0;
        int last = pipes.size();
        if (!pipes.isEmpty() && pipes.getFirst() == 0) {
            from = 1;
            first = 1;
        }
        if (last > first && pipes.get(last - 1) == r.length() - 1) {
            to = r.length() - 1;
            last--;
        }
        List<String> out = new ArrayList<>();
        int start = from;
        for (int i = first; i < last; i++) {
            out.add(cell(r, start, pipes.get(i)));
            start = pipes.get(i) + 1;
        }
        out.add(cell(r, start, Math.max(start, to)));
        return out;
    }

    private static String cell(String row, int from, int to) {
        return row.substring(from, to).replace("\\|", "|").strip();
    }

    /**
     * Where the pipes that split a row's cells stand: not escaped ({@code \|}) and not inside a code span
     * ({@code `a|b`}, which GitHub would split but no author means to).
     */
    static List<Integer> pipes(String row) {
        List<Integer> out = new ArrayList<>();
        // Searching a closing backtick run is linear per run: on a hostile megabyte-long row that adds up.
        boolean spans = row.length() <= MAX_SPAN_ROW;
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (c == '\\' && i + 1 < row.length() && (row.charAt(i + 1) == '|' || row.charAt(i + 1) == '`')) {
                i++;
            } else if (c == '`' && spans) {
                i = codeSpanEnd(row, i);
            } else if (c == '|') {
                out.add(i);
            }
        }
        return out;
    }

    /** The last index of the code span opening at {@code start}, or of its backtick run when it never closes. */
    private static int codeSpanEnd(String row, int start) {
        int run = start;
        while (run < row.length() && row.charAt(run) == '`') {
            run++;
        }
        String fence = row.substring(start, run);
        int close = row.indexOf(fence, run);
        while (close >= 0 && close + fence.length() < row.length() && row.charAt(close + fence.length()) == '`') {
            close = row.indexOf(fence, close + fence.length() + 1);
        }
        return close < 0 ? run - 1 : close + fence.length() - 1;
    }

    @FunctionalInterface
    private interface RowAction {
        void accept(List<String> cells, int line);
    }
}
