package io.golive.probe;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one run of a probe found.
 *
 * @param status PASS, FAIL or ERROR
 * @param summary one line for people ("expires in 5 days (&lt; 14)", "connection refused")
 * @param measurements named values, numbers where they are numbers ("daysLeft" -&gt; 5)
 * @param evidence what was sent and received, secrets masked ("request" -&gt; "GET https://...")
 */
public record Observation(
        Status status, String summary, Map<String, Object> measurements, Map<String, String> evidence) {
    public Observation {
        requireNonNull(status, "null status");
        requireNonNull(summary, "null summary");
        measurements = Collections.unmodifiableMap(new LinkedHashMap<>(measurements));
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    }

    public static Observation pass(String summary, Map<String, Object> measurements) {
        return new Observation(Status.PASS, summary, measurements, Map.of());
    }

    public static Observation fail(String summary, Map<String, Object> measurements) {
        return new Observation(Status.FAIL, summary, measurements, Map.of());
    }

    public static Observation error(String reason) {
        return new Observation(Status.ERROR, reason, Map.of(), Map.of());
    }

    /** The same observation with one more piece of evidence. */
    public Observation withEvidence(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(evidence);
        more.put(key, value);
        return new Observation(status, summary, measurements, more);
    }
}
