package io.golive.report;

import io.golive.checklist.Checklist;
import io.golive.checklist.Item;
import io.golive.checklist.Phase;
import io.golive.checklist.RolloutStep;
import io.golive.checklist.Section;
import io.golive.checklist.Threshold;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** The readable summary of {@code golive import}: structure, phases, criteria, sign-offs, warnings. */
public final class ImportSummary {
    private ImportSummary() {}

    public static String of(Checklist c) {
        StringBuilder out = new StringBuilder();
        List<Item> items = c.allItems();
        long blocking = items.stream().filter(Item::blocking).count();
        long done = items.stream().filter(Item::checked).count();
        out.append(c.title()).append("  (").append(c.source()).append(")\n");
        c.metadata()
                .forEach((k, v) ->
                        out.append("  ").append(k).append(": ").append(v).append('\n'));
        out.append(items.size())
                .append(" items in ")
                .append(c.allSections().size())
                .append(" sections: ")
                .append(blocking)
                .append(" blocking, ")
                .append(done)
                .append(" done\n");
        out.append("Phases: ").append(phases(c)).append("\n\nSections:\n");
        c.allSections().forEach(s -> sectionLine(out, s));
        criteria(out, c);
        list(out, "Sign-offs", c.signoffs().stream().map(s -> s.role()).toList());
        list(
                out,
                "Rollback triggers",
                c.rollbackTriggers().stream()
                        .map(t -> t.text()
                                + t.threshold()
                                        .map(x -> "  [" + describe(x) + "]")
                                        .orElse(""))
                        .toList());
        if (!c.rolloutPlan().isEmpty()) {
            out.append("\nRollout plan: ").append(rollout(c.rolloutPlan())).append('\n');
        }
        list(
                out,
                "Contacts",
                c.contacts().stream().map(x -> x.role() + ": " + x.details()).toList());
        list(out, "Warnings", c.warnings());
        return out.toString();
    }

    private static String phases(Checklist c) {
        Map<Phase, Integer> counts = new EnumMap<>(Phase.class);
        c.forEachItem((s, i) -> counts.merge(s.phase(), 1, Integer::sum));
        StringJoiner j = new StringJoiner(", ");
        counts.forEach((p, n) -> j.add(p + " " + n));
        return j.toString();
    }

    private static void sectionLine(StringBuilder out, Section s) {
        int count = countItems(s.items());
        String indent = "  ".repeat(Math.max(1, s.level() - 1));
        out.append(indent).append(s.title()).append("  [").append(s.phase());
        s.offset().ifPresent(o -> out.append(", ").append(relative(o)));
        if (!s.blocking()) {
            out.append(", non-blocking");
        }
        out.append("] ").append(count).append(count == 1 ? " item" : " items").append('\n');
        for (Threshold t : s.criteria()) {
            out.append(indent).append("    criterion: ").append(describe(t)).append('\n');
        }
    }

    /** An ISO-8601 offset as people write it: {@code -PT24H} is "T-24h", {@code PT0S} is "T-0". */
    static String relative(String iso) {
        boolean negative = iso.startsWith("-");
        String abs = negative ? iso.substring(1) : iso;
        Duration d = abs.contains("T")
                ? Duration.parse(abs)
                : Duration.ofDays(Period.parse(abs).getDays());
        if (d.isZero()) {
            return "T-0";
        }
        String amount = d.toHoursPart() == 0 && d.toMinutesPart() == 0
                ? d.toDays() + "d"
                : d.toMinutesPart() == 0 ? d.toHours() + "h" : d.toMinutes() + "m";
        return "T" + (negative ? "-" : "+") + amount;
    }

    private static int countItems(List<Item> items) {
        int n = 0;
        List<Item> stack = new ArrayList<>(items);
        while (!stack.isEmpty()) {
            Item i = stack.removeLast();
            n++;
            stack.addAll(i.children());
        }
        return n;
    }

    private static void criteria(StringBuilder out, Checklist c) {
        if (c.criteria().isEmpty()) {
            return;
        }
        out.append("\nCriteria (").append(c.criteria().size()).append("):\n");
        c.criteria()
                .forEach(k -> out.append("  ")
                        .append(k.name())
                        .append(" ")
                        .append(k.threshold().map(Threshold::expression).orElse(k.raw()))
                        .append("  [")
                        .append(k.table())
                        .append(", ")
                        .append(k.phase())
                        .append("]\n"));
    }

    private static void list(StringBuilder out, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        out.append('\n').append(title).append(" (").append(lines.size()).append("):\n");
        lines.forEach(l -> out.append("  - ").append(l).append('\n'));
    }

    static String describe(Threshold t) {
        return t.metric().map(m -> m + " ").orElse("") + t.expression();
    }

    private static String rollout(List<RolloutStep> steps) {
        StringJoiner j = new StringJoiner(" → ");
        for (RolloutStep s : steps) {
            j.add(s.trafficPercent()
                    .map(p -> Json.number(p) + "%")
                    .orElseGet(() ->
                            "hold " + s.hold().orElse("?").replace("PT", "").toLowerCase()));
        }
        return j.toString();
    }
}
