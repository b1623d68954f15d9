package io.golive.report;

import io.golive.gate.CheckResult;
import io.golive.gate.CriterionResult;
import io.golive.gate.Decision;
import io.golive.gate.Evaluation;
import io.golive.gate.ItemResult;
import io.golive.probe.Observation.Reading;

/** A self-contained HTML page of the decision, the reasons and every item with its checks. */
public final class HtmlReport {
    private HtmlReport() {}

    public static String of(Evaluation e) {
        boolean go = e.decision() == Decision.GO;
        StringBuilder out = new StringBuilder(8192);
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(e.checklist().title()))
                .append(" — golive</title>\n<style>")
                .append("body{font:14px/1.4 system-ui,sans-serif;margin:2em;max-width:72em}")
                .append(".d{font-size:2em;font-weight:700}.GO{color:#146c2e}.NO_GO{color:#b3261e}")
                .append(
                        "table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}")
                .append(
                        ".PASS,.DONE,.WAIVED{color:#146c2e}.FAIL,.ERROR{color:#b3261e;font-weight:600}.PENDING{color:#8a5a00}.DEFERRED{color:#666}")
                .append("</style></head><body>\n");
        out.append("<h1>")
                .append(esc(e.checklist().title()))
                .append("</h1>\n<p class=\"d ")
                .append(e.decision().name())
                .append("\">")
                .append(go ? "GO" : "NO-GO")
                .append("</p>\n<p>")
                .append(esc(TextReport.summaryLine(e.summary(), e.items().size())))
                .append("</p>\n<h2>")
                .append(go ? "Why" : "Reasons")
                .append("</h2>\n<ul>\n");
        e.reasons().forEach(r -> out.append("<li>").append(esc(r)).append("</li>\n"));
        out.append(
                "</ul>\n<h2>Items</h2>\n<table><tr><th>Status</th><th>Item</th><th>Section</th><th>Checks</th></tr>\n");
        for (ItemResult i : e.items()) {
            out.append("<tr><td class=\"")
                    .append(i.status())
                    .append("\">")
                    .append(i.status())
                    .append("</td><td>")
                    .append(esc(i.item().text()))
                    .append("<br><small>")
                    .append(esc(i.item().id()))
                    .append(i.item().blocking() ? "" : " · non-blocking")
                    .append(i.item().owner().map(o -> " · " + esc(o)).orElse(""))
                    .append(i.item().notes().stream().map(n -> "<br>" + esc(n)).reduce("", String::concat))
                    .append("</small></td><td>")
                    .append(esc(i.section().title()))
                    .append("</td><td>");
            for (CheckResult c : i.checks()) {
                out.append("<div class=\"")
                        .append(c.observation().status())
                        .append("\">")
                        .append(esc(c.type()))
                        .append(": ")
                        .append(esc(c.observation().summary()))
                        .append(" (")
                        .append(c.durationMs())
                        .append(" ms)</div>");
            }
            out.append("</td></tr>\n");
        }
        out.append("</table>\n");
        criteria(out, e);
        return out.append("</body></html>\n").toString();
    }

    private static void criteria(StringBuilder out, Evaluation e) {
        if (e.criteria().isEmpty()) {
            return;
        }
        out.append("<h2>Go/No-Go criteria</h2>\n<table><tr><th>Status</th><th>Criterion</th><th>Threshold</th>"
                + "<th>Actual</th><th>Evidence</th></tr>\n");
        for (CriterionResult c : e.criteria()) {
            out.append("<tr><td class=\"")
                    .append(c.status())
                    .append("\">")
                    .append(c.status())
                    .append("</td><td>")
                    .append(esc(c.criterion().name()))
                    .append("<br><small>")
                    .append(esc(c.criterion().id()))
                    .append(" · ")
                    .append(esc(c.criterion().table()))
                    .append("</small></td><td>")
                    .append(esc(c.criterion().raw()))
                    .append("</td><td>")
                    .append(esc(c.actual().map(Reading::text).orElse("—")))
                    .append("</td><td>");
            for (CheckResult r : c.checks()) {
                out.append("<div class=\"")
                        .append(r.observation().status())
                        .append("\">")
                        .append(esc(r.type()))
                        .append(": ")
                        .append(esc(r.observation().summary()))
                        .append("</div>");
                r.observation()
                        .evidence()
                        .forEach((k, v) -> out.append("<div><small>")
                                .append(esc(k))
                                .append(": ")
                                .append(esc(v))
                                .append("</small></div>"));
            }
            out.append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    static String esc(String s) {
        return JunitReport.esc(s);
    }
}
