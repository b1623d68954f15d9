package io.golive.report;

import io.golive.checklist.Checklist;
import io.golive.checklist.Criterion;
import io.golive.checklist.Item;
import io.golive.checklist.RollbackTrigger;
import io.golive.checklist.RolloutStep;
import io.golive.checklist.Section;
import io.golive.checklist.Threshold;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The imported model in the JSON shape of DESIGN.md ({@code golive import --json}). */
public final class ModelJson {
    private ModelJson() {}

    public static Map<String, Object> of(Checklist c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", c.title());
        m.put("source", c.source());
        m.put("metadata", c.metadata());
        m.put("sections", c.sections().stream().map(ModelJson::section).toList());
        m.put("criteria", c.criteria().stream().map(ModelJson::criterion).toList());
        m.put(
                "signoffs",
                c.signoffs().stream()
                        .map(s -> Map.of("role", s.role(), "line", s.line()))
                        .toList());
        m.put(
                "rollbackTriggers",
                c.rollbackTriggers().stream().map(ModelJson::trigger).toList());
        m.put("rolloutPlan", c.rolloutPlan().stream().map(ModelJson::step).toList());
        m.put(
                "contacts",
                c.contacts().stream()
                        .map(x -> Map.of("role", x.role(), "details", x.details(), "line", x.line()))
                        .toList());
        m.put("warnings", c.warnings());
        return m;
    }

    static Map<String, Object> section(Section s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("title", s.title());
        m.put("level", s.level());
        m.put("line", s.line());
        m.put("phase", s.phase().name());
        m.put("offset", s.offset().orElse(null));
        m.put("blocking", s.blocking());
        m.put("items", s.items().stream().map(ModelJson::item).toList());
        m.put("criteria", s.criteria().stream().map(ModelJson::threshold).toList());
        m.put("sections", s.sections().stream().map(ModelJson::section).toList());
        return m;
    }

    static Map<String, Object> item(Item i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.id());
        m.put("text", i.text());
        m.put("checked", i.checked());
        m.put("state", i.state().name());
        m.put("blocking", i.blocking());
        m.put("line", i.line());
        m.put("criteria", i.criteria().stream().map(ModelJson::threshold).toList());
        m.put("notes", i.notes());
        i.owner().ifPresent(o -> m.put("owner", o));
        List<Object> children = new ArrayList<>();
        i.children().forEach(c -> children.add(item(c)));
        m.put("children", children);
        return m;
    }

    /** {@code {"metric": "AUC", "op": ">", "value": 0.70, "unit": null}}. */
    public static Map<String, Object> threshold(Threshold t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("metric", t.metric().orElse(null));
        m.put("op", t.op().symbol());
        m.put("value", Json.number(t.value()));
        m.put("unit", t.unit().orElse(null));
        m.put("text", t.text());
        return m;
    }

    static Map<String, Object> criterion(Criterion c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("name", c.name());
        m.put("threshold", c.threshold().map(ModelJson::threshold).orElse(null));
        m.put("raw", c.raw());
        m.put("table", c.table());
        m.put("phase", c.phase().name());
        m.put("line", c.line());
        return m;
    }

    static Map<String, Object> trigger(RollbackTrigger t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", t.text());
        m.put("metric", t.threshold().flatMap(Threshold::metric).orElse(null));
        m.put("op", t.threshold().map(x -> x.op().symbol()).orElse(null));
        m.put("value", t.threshold().map(x -> Json.number(x.value())).orElse(null));
        m.put("unit", t.threshold().flatMap(Threshold::unit).orElse(null));
        m.put("action", t.action().orElse(null));
        m.put("line", t.line());
        return m;
    }

    static Map<String, Object> step(RolloutStep s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", s.text());
        m.put("trafficPercent", s.trafficPercent().map(Json::number).orElse(null));
        m.put("hold", s.hold().orElse(null));
        m.put("line", s.line());
        return m;
    }
}
