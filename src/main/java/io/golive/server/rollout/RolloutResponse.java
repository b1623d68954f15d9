package io.golive.server.rollout;

import io.golive.rollout.Step;
import io.golive.rollout.Trigger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of {@code GET /api/launches/{id}/rollout} (and of the POSTs' 202): a {@link RolloutView}
 * with durations in ISO-8601 ({@code holdLeft}: {@code PT1M30S}), absent values as null.
 *
 * @param metrics each metric with its unit, its triggers and every reading of it
 * @param readings every reading: when, at which weight, whether healthy, each metric's value
 */
record RolloutResponse(
        long id,
        long launchId,
        String launch,
        String status,
        int step,
        List<Map<String, Object>> steps,
        int weight,
        String healthy,
        String holdLeft,
        String interval,
        String decision,
        boolean forced,
        String startedBy,
        String startedAt,
        String request,
        String driver,
        List<Map<String, Object>> metrics,
        List<Map<String, Object>> readings,
        List<Map<String, Object>> events,
        boolean verified,
        String verifyProblem) {

    static RolloutResponse of(RolloutView v) {
        List<Map<String, Object>> steps = new ArrayList<>();
        for (int i = 0; i < v.steps().size(); i++) {
            Step s = v.steps().get(i);
            Map<String, Object> m = new LinkedHashMap<>(s.toJson());
            m.put("current", i == v.step() && !v.status().equals("ROLLED_BACK"));
            steps.add(m);
        }
        return new RolloutResponse(
                v.id(),
                v.launchId(),
                v.launchName(),
                v.status(),
                v.step(),
                steps,
                v.weight(),
                v.healthy().toString(),
                v.holdLeft().map(Object::toString).orElse(null),
                v.interval().toString(),
                v.decision(),
                v.forced(),
                v.startedBy(),
                v.startedAt().toString(),
                v.request().orElse(null),
                v.driver().orElse(null),
                v.metrics().stream().map(RolloutResponse::metric).toList(),
                readings(v.events()),
                v.events(),
                v.verified(),
                v.verifyProblem().orElse(null));
    }

    private static Map<String, Object> metric(RolloutView.MetricReadings m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", m.name());
        out.put("unit", m.unit().orElse(null));
        List<Map<String, Object>> triggers = new ArrayList<>();
        for (Trigger t : m.triggers()) {
            Map<String, Object> one = new LinkedHashMap<>(t.toJson());
            one.put("when", t.describe());
            triggers.add(one);
        }
        out.put("triggers", triggers);
        List<Map<String, Object>> points = new ArrayList<>();
        for (RolloutView.Point p : m.readings()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("at", p.at().toString());
            one.put("value", p.value().isPresent() ? p.value().getAsDouble() : null);
            one.put("weight", p.weight());
            points.add(one);
        }
        out.put("readings", points);
        return out;
    }

    private static List<Map<String, Object>> readings(List<Map<String, Object>> events) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> e : events) {
            if (!"reading".equals(e.get("type"))) {
                continue;
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("at", e.get("at"));
            r.put("weight", e.get("weight"));
            r.put("healthy", e.get("healthy"));
            Map<String, Object> values = new LinkedHashMap<>();
            if (e.get("metrics") instanceof Map<?, ?> all) {
                all.forEach((k, v) -> values.put(String.valueOf(k), v instanceof Map<?, ?> m ? m.get("value") : null));
            }
            r.put("values", values);
            out.add(r);
        }
        return out;
    }
}
