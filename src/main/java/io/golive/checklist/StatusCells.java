package io.golive.checklist;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes annotations of gate table rows into the rows' status cells, so the table stays a table: a
 * comment after the last pipe would stand outside it. A gate table without a status column gets one.
 */
final class StatusCells {
    private static final String ADDED_HEADER = "Status";

    private StatusCells() {}

    /** Rewrites the annotated rows of gate tables in {@code lines} and removes their annotations. */
    static void write(String[] lines, Map<Integer, String> annotations) {
        Set<Integer> done = new HashSet<>();
        for (int line : List.copyOf(annotations.keySet())) {
            int row = line - 1;
            if (row < 0 || row >= lines.length || !isRow(lines[row]) || done.contains(row)) {
                continue;
            }
            int header = row;
            while (header > 0 && isRow(lines[header - 1])) {
                header--;
            }
            int end = row;
            while (end + 1 < lines.length && isRow(lines[end + 1])) {
                end++;
            }
            writeTable(lines, header, end, annotations);
            for (int i = header; i <= end; i++) {
                done.add(i);
            }
        }
    }

    private static void writeTable(String[] lines, int header, int end, Map<Integer, String> annotations) {
        if (header + 1 > end || !LineKinds.isDelimiterRow(lines[header + 1].strip())) {
            return;
        }
        List<String> head = TableReader.cells(lines[header]);
        List<List<String>> rows = new ArrayList<>();
        for (int i = header + 2; i <= end; i++) {
            List<String> cells = TableReader.cells(lines[i]);
            if (cells.stream().anyMatch(c -> !c.isBlank())) {
                rows.add(cells);
            }
        }
        Optional<GateColumns> gates = GateColumns.of(head, rows);
        if (gates.isEmpty()) {
            return;
        }
        int status = gates.get().status();
        if (status < 0) {
            status = head.size();
            lines[header] = inCell(lines[header], status, ADDED_HEADER);
            lines[header + 1] = inCell(lines[header + 1], status, "---");
        }
        for (int i = header + 2; i <= end; i++) {
            String note = annotations.remove(i + 1);
            String text = note == null ? "" : MarkdownWriter.comment(note).replace("|", "\\|");
            if (note != null || gates.get().status() < 0) {
                lines[i] = inCell(lines[i], status, text);
            }
        }
    }

    /** The row with {@code text} at the end of its cell {@code column}, adding cells up to it if need be. */
    static String inCell(String row, int column, String text) {
        String r = row.stripTrailing();
        List<Integer> pipes = TableReader.pipes(r);
        boolean leading = r.strip().startsWith("|");
        int closing = column + (leading ? 1 : 0);
        if (closing < pipes.size()) {
            int at = pipes.get(closing);
            String before = r.substring(0, at).stripTrailing();
            return text.isEmpty() ? r : before + " " + text + " " + r.substring(at);
        }
        int cells = TableReader.cells(r).size();
        StringBuilder out = new StringBuilder(r);
        if (cells > column) {
            return text.isEmpty() ? r : out.append(' ').append(text).toString(); // the last cell, unterminated
        }
        if (!r.endsWith("|") || r.endsWith("\\|")) {
            out.append(" |");
        }
        for (int c = cells; c < column; c++) {
            out.append("  |");
        }
        return out.append(' ').append(text).append(text.isEmpty() ? "|" : " |").toString();
    }

    private static boolean isRow(String line) {
        return line.strip().startsWith("|");
    }
}
