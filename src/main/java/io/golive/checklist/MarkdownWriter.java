package io.golive.checklist;

import java.util.HashMap;
import java.util.Map;

/**
 * Writes a checklist's Markdown back with annotations: a comment at the end of annotated lines (in a
 * gate table, in the row's status cell, adding a Status column when the table has none) and a report
 * block at the end of the file. Lines keep their numbers and the importer skips both, so the output
 * imports to the same model.
 */
public final class MarkdownWriter {
    /** Opens the report block the importer skips. */
    public static final String REPORT_START = "<!-- golive:report -->";
    /** Closes the report block. */
    public static final String REPORT_END = "<!-- /golive:report -->";

    private MarkdownWriter() {}

    /** The text with each annotation appended to its 1-based line as an HTML comment, then {@code report}. */
    public static String write(String text, String report, Map<Integer, String> annotations) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        Map<Integer, String> rest = new HashMap<>(annotations);
        StatusCells.write(lines, rest);
        StringBuilder out = new StringBuilder(text.length() + report.length() + annotations.size() * 40);
        for (int i = 0; i < lines.length; i++) {
            out.append(lines[i]);
            String note = rest.get(i + 1);
            if (note != null) {
                String c = comment(note);
                // On a table row a pipe in the comment would split off a cell.
                out.append(' ').append(lines[i].strip().startsWith("|") ? c.replace("|", "\\|") : c);
            }
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        if (out.isEmpty() || out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
        out.append('\n')
                .append(REPORT_START)
                .append('\n')
                .append(report.strip())
                .append('\n')
                .append(REPORT_END)
                .append('\n');
        return out.toString();
    }

    /** An annotation as the HTML comment the importer skips. */
    static String comment(String note) {
        return "<!-- golive: " + note.replace("--", "—").replace('\n', ' ') + " -->";
    }
}
