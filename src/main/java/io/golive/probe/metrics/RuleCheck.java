package io.golive.probe.metrics;

import io.golive.probe.Observation;
import io.golive.probe.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * {@code rule: NAME}: an alerting or recording rule of that name is loaded (/api/v1/rules) and its last
 * evaluation was healthy. A rule not evaluated yet is no data; a rule whose evaluation failed is FAIL.
 */
final class RuleCheck {
    private static final int NAMES_SHOWN = 10;

    private RuleCheck() {}

    /** A loaded rule and the group it is in. */
    private record Found(JsonNode rule, String group, String file) {}

    static Observation run(PrometheusApi api, String name, Duration timeout) {
        Observation o;
        try {
            o = judge(name, api.get("/api/v1/rules", Map.of(), timeout).data());
        } catch (ApiException e) {
            o = Observation.error(e.getMessage());
        }
        return o.withEvidence("rules", "GET " + api.uri("/api/v1/rules", Map.of()));
    }

    static Observation judge(String name, JsonNode data) {
        List<Found> found = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>();
        int groups = 0;
        for (JsonNode g : data.path("groups")) {
            groups++;
            for (JsonNode r : g.path("rules")) {
                names.add(r.path("name").asString(""));
                if (r.path("name").asString("").equals(name)) {
                    found.add(new Found(
                            r, g.path("name").asString(""), g.path("file").asString("")));
                }
            }
        }
        if (found.isEmpty()) {
            return Observation.fail(
                    "no rule '" + name + "' is loaded (" + names.size() + " rules in " + groups + " groups"
                            + (names.isEmpty() ? "" : ": " + shown(names)) + ")",
                    Map.of("loaded", false, "rules", names.size()));
        }
        for (Found f : found) {
            Observation unhealthy = health(name, f);
            if (unhealthy != null) {
                return unhealthy;
            }
        }
        Found f = found.getFirst();
        return Observation.pass(
                        kind(f) + " rule '" + name + "' is loaded and healthy (group " + f.group() + state(f)
                                + ", last evaluated "
                                + f.rule().path("lastEvaluation").asString("?") + ")",
                        measurements(f, found.size()))
                .withEvidence("expr", f.rule().path("query").asString(""))
                .withEvidence("file", f.file());
    }

    /** The observation for a rule that is not healthy, or null when it is. */
    private static Observation health(String name, Found f) {
        String health = f.rule().path("health").asString("");
        Map<String, Object> m = measurements(f, 1);
        return switch (health) {
            case "ok" -> null;
            case "unknown" ->
                new Observation(
                        Status.ERROR,
                        "no data: " + kind(f) + " rule '" + name + "' (group " + f.group()
                                + ") is loaded but has not been evaluated yet",
                        m,
                        Map.of());
            default ->
                Observation.fail(
                                kind(f) + " rule '" + name + "' (group " + f.group() + ") is unhealthy (" + health
                                        + "): " + f.rule().path("lastError").asString("no error message"),
                                m)
                        .withEvidence("expr", f.rule().path("query").asString(""))
                        .withEvidence("file", f.file());
        };
    }

    private static Map<String, Object> measurements(Found f, int count) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("loaded", true);
        m.put("ruleType", f.rule().path("type").asString(""));
        m.put("health", f.rule().path("health").asString(""));
        if (f.rule().has("state")) {
            m.put("state", f.rule().path("state").asString(""));
        }
        m.put("group", f.group());
        if (count > 1) {
            m.put("matchingRules", count);
        }
        return m;
    }

    private static String kind(Found f) {
        return f.rule().path("type").asString("").equals("alerting") ? "alerting" : "recording";
    }

    private static String state(Found f) {
        return f.rule().has("state") ? ", state " + f.rule().path("state").asString("") : "";
    }

    private static String shown(TreeSet<String> names) {
        List<String> first = names.stream().limit(NAMES_SHOWN).toList();
        return String.join(", ", first) + (names.size() > NAMES_SHOWN ? ", ..." : "");
    }
}
