package io.golive.report;

import io.golive.checklist.Threshold;
import io.golive.gate.CheckResult;
import io.golive.gate.CriterionResult;
import io.golive.gate.Evaluation;
import io.golive.gate.ItemResult;
import io.golive.probe.Observation.Reading;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON report of DESIGN.md: decision, reasons, summary, items with their checks, criteria. */
public final class ReportJson {
    private ReportJson() {}

    public static Map<String, Object> of(Evaluation e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("decision", e.decision().name());
        m.put("reasons", e.reasons());
        Map<String, Object> checklist = new LinkedHashMap<>();
        checklist.put("title", e.checklist().title());
        checklist.put("source", e.checklist().source());
        checklist.put("metadata", e.checklist().metadata());
        m.put("checklist", checklist);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("total", e.items().size());
        e.summary().forEach((status, n) -> summary.put(status.name(), n));
        m.put("summary", summary);
        m.put("items", e.items().stream().map(ReportJson::item).toList());
        m.put("checks", e.unboundChecks().stream().map(ReportJson::check).toList());
        m.put("criteria", e.criteria().stream().map(ReportJson::criterion).toList());
        m.put(
                "signoffs",
                e.checklist().signoffs().stream()
                        .map(s -> Map.of("role", s.role()))
                        .toList());
        return m;
    }

    static Map<String, Object> item(ItemResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.item().id());
        m.put("section", r.section().title());
        m.put("text", r.item().text());
        m.put("line", r.item().line());
        m.put("blocking", r.item().blocking());
        m.put("phase", r.phase().name());
        m.put("status", r.status().name());
        m.put("checks", r.checks().stream().map(ReportJson::check).toList());
        m.put("criteria", criteria(r.item().criteria()));
        return m;
    }

    private static List<Map<String, Object>> criteria(List<Threshold> thresholds) {
        return thresholds.stream()
                .map(t -> {
                    Map<String, Object> c = ModelJson.threshold(t);
                    c.remove("text");
                    c.put("actual", null);
                    c.put("met", null);
                    return c;
                })
                .toList();
    }

    static Map<String, Object> check(CheckResult c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("type", c.type());
        m.put("item", c.itemId().orElse(null));
        m.put("criterion", c.criterionId().orElse(null));
        m.put("blocking", c.blocking());
        m.put("status", c.observation().status().name());
        m.put("summary", c.observation().summary());
        m.put("measurements", c.observation().measurements());
        m.put("evidence", c.observation().evidence());
        m.put("durationMs", c.durationMs());
        return m;
    }

    static Map<String, Object> criterion(CriterionResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.criterion().id());
        m.put("name", r.criterion().name());
        m.put(
                "threshold",
                r.criterion()
                        .threshold()
                        .map(Threshold::expression)
                        .orElse(r.criterion().raw()));
        m.put("table", r.criterion().table());
        m.put("phase", r.criterion().phase().name());
        m.put("line", r.criterion().line());
        m.put("status", r.status().name());
        m.put("actual", r.actual().map(a -> Json.number(a.value())).orElse(null));
        m.put("unit", r.actual().flatMap(Reading::unit).orElse(null));
        m.put("actualText", r.actual().map(Reading::text).orElse(null));
        m.put("met", r.met().orElse(null));
        m.put("checks", r.checks().stream().map(ReportJson::check).toList());
        return m;
    }
}
