package io.golive.report;

import io.golive.gate.CheckResult;
import io.golive.gate.CriterionResult;
import io.golive.gate.Evaluation;
import io.golive.gate.ItemResult;
import io.golive.probe.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JUnit XML: one test suite per section, one test case per item, so a CI server shows each item. */
public final class JunitReport {
    private JunitReport() {}

    public static String of(Evaluation e) {
        Map<String, List<ItemResult>> bySection = new LinkedHashMap<>();
        e.items()
                .forEach(i -> bySection
                        .computeIfAbsent(i.section().id(), k -> new ArrayList<>())
                        .add(i));
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        List<CriterionResult> criteria = e.criteria();
        out.append("<testsuites name=\"")
                .append(esc(e.checklist().title()))
                .append("\" tests=\"")
                .append(e.items().size() + criteria.size())
                .append("\" failures=\"")
                .append(failures(e.items()) + criterionFailures(criteria))
                .append("\" errors=\"")
                .append(e.summary().get(Status.ERROR) + criterionErrors(criteria))
                .append("\">\n");
        bySection.values().forEach(items -> suite(out, items));
        if (!criteria.isEmpty()) {
            criteriaSuite(out, criteria);
        }
        return out.append("</testsuites>\n").toString();
    }

    /** One test case per Go/No-Go criterion: failed when unmet or unmeasured before launch. */
    private static void criteriaSuite(StringBuilder out, List<CriterionResult> criteria) {
        out.append("  <testsuite name=\"Go/No-Go criteria\" tests=\"")
                .append(criteria.size())
                .append("\" failures=\"")
                .append(criterionFailures(criteria))
                .append("\" errors=\"")
                .append(criterionErrors(criteria))
                .append("\" skipped=\"")
                .append(criteria.stream()
                        .filter(c -> c.status() == Status.DEFERRED)
                        .count())
                .append("\">\n");
        for (CriterionResult c : criteria) {
            long ms = c.checks().stream().mapToLong(CheckResult::durationMs).sum();
            out.append("    <testcase classname=\"criteria.")
                    .append(esc(c.criterion().id()))
                    .append("\" name=\"")
                    .append(esc(c.describe()))
                    .append("\" line=\"")
                    .append(c.criterion().line())
                    .append("\" time=\"")
                    .append(ms / 1000.0)
                    .append("\">");
            String detail = TextReport.criterionLine(c);
            if (c.status() == Status.ERROR) {
                out.append("<error message=\"").append(esc(detail)).append("\"/>");
            } else if (c.blocksLaunch()) {
                out.append("<failure message=\"").append(esc(detail)).append("\"/>");
            } else if (c.status() == Status.DEFERRED) {
                out.append("<skipped message=\"").append(esc(detail)).append("\"/>");
            }
            out.append("</testcase>\n");
        }
        out.append("  </testsuite>\n");
    }

    private static long criterionFailures(List<CriterionResult> criteria) {
        return criteria.stream()
                .filter(c -> c.blocksLaunch() && c.status() != Status.ERROR)
                .count();
    }

    private static long criterionErrors(List<CriterionResult> criteria) {
        return criteria.stream().filter(c -> c.status() == Status.ERROR).count();
    }

    private static void suite(StringBuilder out, List<ItemResult> items) {
        ItemResult first = items.getFirst();
        long skipped = items.stream().filter(JunitReport::skipped).count();
        out.append("  <testsuite name=\"")
                .append(esc(first.section().title()))
                .append("\" tests=\"")
                .append(items.size())
                .append("\" failures=\"")
                .append(failures(items))
                .append("\" errors=\"")
                .append(items.stream().filter(i -> i.status() == Status.ERROR).count())
                .append("\" skipped=\"")
                .append(skipped)
                .append("\">\n");
        items.forEach(i -> testcase(out, i));
        out.append("  </testsuite>\n");
    }

    private static void testcase(StringBuilder out, ItemResult i) {
        out.append("    <testcase classname=\"")
                .append(esc(i.section().id()))
                .append("\" name=\"")
                .append(esc(i.item().text()))
                .append("\" line=\"")
                .append(i.item().line())
                .append('"');
        long ms = i.checks().stream().mapToLong(CheckResult::durationMs).sum();
        out.append(" time=\"").append(ms / 1000.0).append("\">");
        String detail = detail(i);
        if (i.status() == Status.ERROR) {
            out.append("<error message=\"").append(esc(detail)).append("\"/>");
        } else if (i.blocksLaunch()) {
            out.append("<failure message=\"")
                    .append(esc(i.status() + ": " + detail))
                    .append("\"/>");
        } else if (skipped(i)) {
            out.append("<skipped message=\"")
                    .append(esc(i.status() + ": " + detail))
                    .append("\"/>");
        }
        out.append("</testcase>\n");
    }

    private static boolean skipped(ItemResult i) {
        // Not blocking the launch, yet not done either: a non-blocking or later-phase item.
        return !i.blocksLaunch() && i.status() != Status.ERROR && !i.status().allowsGo()
                || i.status() == Status.DEFERRED;
    }

    private static long failures(List<ItemResult> items) {
        return items.stream()
                .filter(i -> i.blocksLaunch() && i.status() != Status.ERROR)
                .count();
    }

    private static String detail(ItemResult i) {
        return i.checks().stream()
                .map(c -> c.type() + ": " + c.observation().summary())
                .reduce((a, b) -> a + "; " + b)
                .orElse(
                        switch (i.status()) {
                            case PENDING -> "not done (line " + i.item().line() + ")";
                            case DEFERRED -> "belongs to " + i.phase() + "; not part of the pre-launch decision";
                            default -> i.status().name();
                        });
    }

    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
