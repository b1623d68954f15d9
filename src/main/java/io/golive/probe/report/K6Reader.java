package io.golive.probe.report;

import io.golive.ParseErrors;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads k6 summaries ({@code --summary-export}, or a {@code handleSummary} JSON with {@code values}):
 * http_req_duration percentiles in ms and the http_req_failed rate as a percentage.
 */
final class K6Reader {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> STATS = List.of("p(50)", "p(90)", "p(95)", "p(99)", "avg", "max");

    private K6Reader() {}

    static Reading read(List<Path> files) {
        if (files.size() != 1) {
            throw new Reading.BadReport("a k6 check reads one summary, found " + files.size() + " files");
        }
        JsonNode metrics = tree(files.getFirst()).path("metrics");
        JsonNode duration = values(metrics.path("http_req_duration"));
        JsonNode failed = values(metrics.path("http_req_failed"));
        if (duration.isMissingNode() || !duration.path("p(95)").isNumber()) {
            throw new Reading.BadReport("no data: " + files.getFirst().getFileName()
                    + " has no metrics.http_req_duration p(95) (write it with k6 run --summary-export)");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Reading.Metric> metric = new LinkedHashMap<>();
        for (String stat : STATS) {
            if (duration.path(stat).isNumber()) {
                String name = stat.replace("(", "").replace(")", "");
                m.put(name + "Ms", duration.path(stat).asDouble());
                metric.put(name, new Reading.Metric(duration.path(stat).asDouble(), "ms"));
            }
        }
        double rate = failed.path("rate").isNumber()
                ? failed.path("rate").asDouble()
                : failed.path("value").asDouble(-1);
        if (rate >= 0) {
            m.put("errorRatePercent", rate * 100);
            metric.put("errorRate", new Reading.Metric(rate * 100, "%"));
        }
        JsonNode count = values(metrics.path("http_reqs")).path("count");
        if (count.isNumber()) {
            m.put("requests", count.asLong());
        }
        return new Reading(m, metric, Map.of("error", "errorRate", "fail", "errorRate"), Optional.empty());
    }

    static JsonNode tree(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (JacksonException e) {
            // where, not the parser's own words (which name its tokens)
            throw new Reading.BadReport(file.getFileName() + " is not usable JSON (line " + ParseErrors.line(e)
                    + ", column " + ParseErrors.column(e) + ")"
                    + ": write it with k6 run --summary-export, or handleSummary's JSON");
        }
    }

    /** k6's summary export puts the statistics on the metric; handleSummary nests them under "values". */
    private static JsonNode values(JsonNode metric) {
        return metric.has("values") ? metric.path("values") : metric;
    }
}
