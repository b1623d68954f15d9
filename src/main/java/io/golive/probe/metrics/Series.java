package io.golive.probe.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * One series of a Prometheus query's answer: its labels and its samples, values in Prometheus's base
 * units. A scalar answer is one series without labels.
 */
record Series(Map<String, String> labels, List<Sample> samples) {
    /** A value at a time; NaN where Prometheus answered NaN. */
    record Sample(Instant at, double value) {}

    Series {
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
        samples = List.copyOf(samples);
    }

    /** The series of a {@code data} object of /api/v1/query or /api/v1/query_range. */
    static List<Series> parse(JsonNode data) throws ApiException {
        String type = data.path("resultType").asString("");
        JsonNode result = data.path("result");
        return switch (type) {
            case "vector" -> each(result, s -> new Series(labels(s), List.of(sample(s.path("value")))));
            case "matrix" -> each(result, s -> new Series(labels(s), samples(s.path("values"))));
            case "scalar" -> List.of(new Series(Map.of(), List.of(sample(result))));
            case "string" -> throw new ApiException("the query returns a string, not a number: " + result);
            default -> throw new ApiException("unexpected resultType '" + type + "' in the answer");
        };
    }

    /** {@code name{label="value",...}} as Prometheus writes a series. */
    String name() {
        Map<String, String> rest = new LinkedHashMap<>(labels);
        String metric = rest.remove("__name__");
        String inner = rest.entrySet().stream()
                .map(e -> e.getKey() + "=\"" + e.getValue() + "\"")
                .collect(Collectors.joining(","));
        return (metric == null ? "" : metric) + "{" + inner + "}";
    }

    /** The value of an instant answer's series. */
    double value() {
        return samples.getFirst().value();
    }

    /** A value as Prometheus writes it ("0.25", "NaN", "+Inf"). */
    static double number(String text) {
        return switch (text) {
            case "NaN" -> Double.NaN;
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    private interface Reader {
        Series read(JsonNode node) throws ApiException;
    }

    private static List<Series> each(JsonNode result, Reader reader) throws ApiException {
        List<Series> out = new ArrayList<>();
        for (JsonNode s : result) {
            out.add(reader.read(s));
        }
        return out;
    }

    private static Map<String, String> labels(JsonNode series) {
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : series.path("metric").properties()) {
            out.put(e.getKey(), e.getValue().asString(""));
        }
        return out;
    }

    private static List<Sample> samples(JsonNode values) throws ApiException {
        List<Sample> out = new ArrayList<>();
        for (JsonNode v : values) {
            out.add(sample(v));
        }
        return out;
    }

    private static Sample sample(JsonNode pair) throws ApiException {
        if (!pair.isArray() || pair.size() != 2) {
            throw new ApiException("unexpected sample in the answer: " + pair);
        }
        double seconds = pair.get(0).asDouble();
        try {
            return new Sample(
                    Instant.ofEpochMilli(Math.round(seconds * 1000)),
                    number(pair.get(1).asString("")));
        } catch (NumberFormatException e) {
            throw new ApiException("unexpected value in the answer: " + pair.get(1));
        }
    }
}
