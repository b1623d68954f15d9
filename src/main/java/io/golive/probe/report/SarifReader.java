package io.golive.probe.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Reads SARIF logs: the results at or above a severity level fail, the first few listed. */
final class SarifReader {
    private SarifReader() {}

    static Reading read(List<Path> files, String severity) {
        int floor = ReportConfig.LEVELS.indexOf(severity);
        Map<String, Long> byLevel = new LinkedHashMap<>();
        List<String> shown = new ArrayList<>();
        long blocking = 0;
        for (Path file : files) {
            JsonNode runs = K6Reader.tree(file).path("runs");
            if (!runs.isArray()) {
                throw new Reading.BadReport(file.getFileName() + " is not a SARIF log (no runs array)");
            }
            for (int r = 0; r < runs.size(); r++) {
                JsonNode results = runs.get(r).path("results");
                for (int i = 0; i < results.size(); i++) {
                    JsonNode result = results.get(i);
                    // SARIF's default level is "warning".
                    String level = result.path("level").asString("warning");
                    byLevel.merge(level, 1L, Long::sum);
                    if (ReportConfig.LEVELS.indexOf(level) >= floor) {
                        blocking++;
                        if (shown.size() < 5) {
                            shown.add(describe(result, level));
                        }
                    }
                }
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("results", byLevel.values().stream().mapToLong(Long::longValue).sum());
        byLevel.forEach((k, v) -> m.put(k, v));
        m.put("blocking", blocking);
        Optional<String> failure = blocking == 0
                ? Optional.empty()
                : Optional.of(blocking + " results at or above " + severity + ": " + String.join("; ", shown));
        return new Reading(
                m, Map.of("results", new Reading.Metric(blocking, "")), Map.of("finding", "results"), failure);
    }

    private static String describe(JsonNode result, String level) {
        JsonNode loc = result.path("locations").path(0).path("physicalLocation");
        String where = loc.path("artifactLocation").path("uri").asString("?") + ":"
                + loc.path("region").path("startLine").asString("?");
        return level + " " + result.path("ruleId").asString("?") + " at " + where + " "
                + result.path("message").path("text").asString("");
    }
}
