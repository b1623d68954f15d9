package io.golive.report;

import io.golive.gate.CriterionResult;
import io.golive.probe.Observation.Reading;
import java.util.List;
import java.util.Locale;

/**
 * Fills in the Actual and Status cells of the criteria tables of a checklist's Markdown (seed 001's
 * "| CFUR | ≥ 99.8% | _ | Awaiting |"), keeping every line where it was.
 */
final class CriteriaCells {
    private CriteriaCells() {}

    /** The text with each criterion's row filled in; rows of tables without such columns stay as they are. */
    static String fill(String markdown, List<CriterionResult> criteria) {
        String[] lines = markdown.split("\r\n|\r|\n", -1);
        for (CriterionResult c : criteria) {
            int row = c.criterion().line() - 1;
            if (row <= 0 || row >= lines.length || !isRow(lines[row])) {
                continue;
            }
            int header = row;
            while (header > 0 && isRow(lines[header - 1])) {
                header--;
            }
            List<String> names = cells(lines[header]).stream()
                    .map(n -> n.toLowerCase(Locale.ROOT))
                    .toList();
            List<String> cells = new java.util.ArrayList<>(cells(lines[row]));
            set(cells, names.indexOf("actual"), c.actual().map(Reading::text).orElse("_"));
            set(cells, names.indexOf("status"), status(c));
            lines[row] = "| " + String.join(" | ", cells) + " |";
        }
        return String.join("\n", lines);
    }

    private static String status(CriterionResult c) {
        return switch (c.status()) {
            case PASS -> "✅ PASS";
            case FAIL -> "❌ FAIL";
            case WAIVED -> "WAIVED";
            default -> c.status().name();
        };
    }

    private static void set(List<String> cells, int index, String value) {
        if (index >= 0 && index < cells.size()) {
            cells.set(index, value.replace("|", "\\|"));
        }
    }

    private static boolean isRow(String line) {
        return line.strip().startsWith("|");
    }

    private static List<String> cells(String line) {
        String s = line.strip();
        s = s.substring(1, s.endsWith("|") && s.length() > 1 ? s.length() - 1 : s.length());
        return java.util.Arrays.stream(s.split("(?<!\\\\)\\|", -1))
                .map(String::strip)
                .toList();
    }
}
