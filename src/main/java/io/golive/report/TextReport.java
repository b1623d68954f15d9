package io.golive.report;

import io.golive.gate.CriterionResult;
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
        if (!e.criteria().isEmpty()) {
            long measured =
                    e.criteria().stream().filter(c -> c.met().isPresent()).count();
            out.append('\n')
                    .append("Criteria (")
                    .append(measured)
                    .append(" of ")
                    .append(e.criteria().size())
                    .append(" measured):")
                    .append('\n');
            e.criteria().forEach(c -> out.append("  ").append(criterionLine(c)).append('\n'));
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

    /** {@code FAIL  Error Rate < 0.1%: actual 0.5% (prometheus: ...)}. */
    static String criterionLine(CriterionResult c) {
        StringBuilder line = new StringBuilder(String.format("%-8s %s", c.status(), c.describe()));
        c.actual().ifPresent(a -> line.append(": actual ").append(a.text()));
        c.checks().stream()
                .filter(r -> r.observation().status() == c.status())
                .findFirst()
                .ifPresent(r -> line.append(" (")
                        .append(r.type())
                        .append(": ")
                        .append(r.observation().summary())
                        .append(')'));
        if (c.checks().isEmpty() && c.status() == Status.PENDING) {
            line.append(": not measured (bind a check with criterion: in golive.yaml)");
        }
        return line.toString();
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
