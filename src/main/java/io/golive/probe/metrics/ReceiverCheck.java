package io.golive.probe.metrics;

import io.golive.probe.Observation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code receiver: NAME}: the receiver is in the configuration Alertmanager has loaded (its
 * /api/v2/status) and some route sends alerts to it, since a receiver no route names gets nothing.
 */
final class ReceiverCheck {
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private ReceiverCheck() {}

    /** The verdict from the {@code config.original} YAML of the status answer. */
    static Observation judge(String receiver, String configYaml) {
        JsonNode config;
        try {
            config = YAML.readTree(configYaml);
        } catch (JacksonException e) {
            return Observation.error("cannot read the configuration Alertmanager reports: " + e.getOriginalMessage());
        }
        Set<String> names = new TreeSet<>();
        config.path("receivers").forEach(r -> names.add(r.path("name").asString("")));
        Set<String> routed = new TreeSet<>();
        routes(config.path("route"), routed);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("receivers", String.join(", ", names));
        m.put("receiverFound", names.contains(receiver));
        m.put("routed", routed.contains(receiver));
        if (!names.contains(receiver)) {
            return Observation.fail("no receiver '" + receiver + "' (configured: " + String.join(", ", names) + ")", m);
        }
        if (!routed.contains(receiver)) {
            return Observation.fail(
                    "receiver '" + receiver + "' is configured but no route sends alerts to it (routes go to: "
                            + String.join(", ", routed) + ")",
                    m);
        }
        return Observation.pass(
                "receiver '" + receiver + "' is configured and routed to (" + names.size() + " receivers)", m);
    }

    private static void routes(JsonNode route, Set<String> out) {
        if (route.isMissingNode() || route.isNull()) {
            return;
        }
        String r = route.path("receiver").asString("");
        if (!r.isEmpty()) {
            out.add(r);
        }
        route.path("routes").forEach(child -> routes(child, out));
    }
}
