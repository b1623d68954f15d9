package io.golive.report;

import io.golive.checklist.MarkdownWriter;
import io.golive.gate.CheckResult;
import io.golive.gate.Decision;
import io.golive.gate.Evaluation;
import io.golive.gate.ItemResult;
import java.util.HashMap;
import java.util.Map;

/**
 * The checklist written back with each item's status: a status comment on each item's line, the
 * decision on the title's line, and the reasons in a block at the end. Importing the output again
 * gives the same model.
 */
public final class MarkdownReport {
    private MarkdownReport() {}

    /** {@code markdown} is the checklist's text as imported (repaired). */
    public static String of(Evaluation e, String markdown) {
        Map<Integer, String> notes = new HashMap<>();
        for (ItemResult i : e.items()) {
            notes.put(i.item().line(), annotation(i));
        }
        int title = titleLine(markdown);
        if (title > 0) {
            notes.putIfAbsent(title, "decision " + e.decision());
        }
        return MarkdownWriter.write(CriteriaCells.fill(markdown, e.criteria()), block(e), notes);
    }

    private static int titleLine(String markdown) {
        int line = 1;
        for (int i = 0; i < markdown.length(); i++) {
            if (markdown.startsWith("# ", i) && (i == 0 || markdown.charAt(i - 1) == '\n')) {
                return line;
            }
            if (markdown.charAt(i) == '\n') {
                line++;
            }
        }
        return -1;
    }

    private static String annotation(ItemResult i) {
        StringBuilder s = new StringBuilder(i.status().name());
        for (CheckResult c : i.checks()) {
            s.append("; ").append(c.type()).append(": ").append(c.observation().summary());
        }
        return s.toString();
    }

    private static String block(Evaluation e) {
        StringBuilder out = new StringBuilder();
        out.append("> **golive: ")
                .append(e.decision() == Decision.GO ? "GO" : "NO-GO")
                .append("** — ")
                .append(TextReport.summaryLine(e.summary(), e.items().size()))
                .append("\n>\n");
        int shown = 0;
        for (String reason : e.reasons()) {
            if (shown++ == 50) {
                out.append("> - … and ").append(e.reasons().size() - 50).append(" more\n");
                break;
            }
            out.append("> - ").append(reason.replace("\n", " ")).append('\n');
        }
        return out.toString();
    }
}
