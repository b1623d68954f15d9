package io.golive.checklist;

import java.util.Map;

/**
 * Writes a checklist's Markdown back with annotations: a report block after the title and a comment
 * at the end of annotated lines. The importer skips both, so the output imports to the same model.
 */
public final class MarkdownWriter {
    /** Opens the report block the importer skips. */
    public static final String REPORT_START = "<!-- golive:report -->";
    /** Closes the report block. */
    public static final String REPORT_END = "<!-- /golive:report -->";

    private MarkdownWriter() {}

    /**
     * The text with {@code report} inserted after the first H1 heading (or at the top) and each
     * annotation appended to its 1-based line as an HTML comment.
     */
    public static String write(String text, String report, Map<Integer, String> annotations) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        StringBuilder out = new StringBuilder(text.length() + report.length() + annotations.size() * 40);
        int insertAfter = firstHeading(lines);
        if (insertAfter < 0) {
            appendReport(out, report);
        }
        for (int i = 0; i < lines.length; i++) {
            out.append(lines[i]);
            String note = annotations.get(i + 1);
            if (note != null) {
                out.append(" <!-- golive: ").append(note.replace("--", "—")).append(" -->");
            }
            if (i < lines.length - 1) {
                out.append('\n');
            }
            if (i == insertAfter) {
                out.append('\n');
                appendReport(out, report);
            }
        }
        return out.toString();
    }

    private static void appendReport(StringBuilder out, String report) {
        out.append(REPORT_START)
                .append('\n')
                .append(report.strip())
                .append('\n')
                .append(REPORT_END)
                .append("\n\n");
    }

    private static int firstHeading(String[] lines) {
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("# ")) {
                return i;
            }
        }
        return -1;
    }
}
