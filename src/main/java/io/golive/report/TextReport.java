package io.golive.report;

import io.golive.gate.Decision;
import io.golive.gate.Evaluation;
import io.golive.probe.Status;
import java.util.Map;
import java.util.StringJoiner;

/** The terminal report: decision first, then every reason, then the counts. */
public final class TextReport {
    private TextReport() {}

    public static String of(Evaluation e) {
        StringBuilder out = new StringBuilder();
        out.append(e.decision() == Decision.GO ? "GO" : "NO-GO")
                .append(" — ")
                .append(e.checklist().title())
                .append('\n');
        out.append(summaryLine(e.summary(), e.items().size())).append('\n');
        out.append('\n')
                .append(
                        e.decision() == Decision.GO
                                ? "Why:"
                                : "Reasons (" + e.reasons().size() + "):")
                .append('\n');
        e.reasons().forEach(r -> out.append("  - ").append(r).append('\n'));
        long measured = e.criteria().stream().filter(c -> c.met().isPresent()).count();
        if (!e.criteria().isEmpty()) {
            out.append('\n')
                    .append("Criteria: ")
                    .append(e.criteria().size())
                    .append(" (")
                    .append(measured)
                    .append(" measured; bind checks to them in golive.yaml)")
                    .append('\n');
        }
        if (!e.checklist().signoffs().isEmpty()) {
            StringJoiner roles = new StringJoiner(", ");
            e.checklist().signoffs().forEach(s -> roles.add(s.role()));
            out.append("Sign-offs required (collected by golive serve): ")
                    .append(roles)
                    .append('\n');
        }
        return out.toString();
    }

    static String summaryLine(Map<Status, Integer> summary, int total) {
        StringJoiner parts = new StringJoiner(", ", total + " items: ", "");
        summary.forEach((status, n) -> {
            if (n > 0) {
                parts.add(n + " " + status);
            }
        });
        return parts.toString();
    }
}
