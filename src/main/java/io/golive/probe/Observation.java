package io.golive.probe;

import static java.util.Objects.requireNonNull;

import io.golive.checklist.Units;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What one run of a probe found.
 *
 * @param status PASS, FAIL or ERROR (a {@link ProbeVerdict}; any other status is refused)
 * @param summary one line for people ("expires in 5 days (&lt; 14)", "connection refused")
 * @param measurements named values, numbers where they are numbers ("daysLeft" -&gt; 5)
 * @param evidence what was sent and received, secrets masked ("request" -&gt; "GET https://...")
 */
public record Observation(
        Status status, String summary, Map<String, Object> measurements, Map<String, String> evidence) {
    /** The measurement holding the value compared with a threshold, in the threshold's unit. */
    public static final String ACTUAL = "actual";

    /** The unit of {@link #ACTUAL}. */
    public static final String ACTUAL_UNIT = "actualUnit";

    public Observation {
        ProbeVerdict.of(status);
        requireNonNull(summary, "null summary");
        measurements = Collections.unmodifiableMap(new LinkedHashMap<>(measurements));
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    }

    /** The status as a probe verdict. */
    public ProbeVerdict verdict() {
        return ProbeVerdict.of(status);
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

    /**
     * The same observation with the value it compared with a threshold, in that threshold's unit
     * (measurements {@code actual} and {@code actualUnit}): what a Go/No-Go criterion bound to the
     * check reports as its actual value.
     */
    public Observation withActual(double value, Optional<String> unit) {
        Map<String, Object> more = new LinkedHashMap<>(measurements);
        more.put(ACTUAL, value);
        unit.ifPresentOrElse(u -> more.put(ACTUAL_UNIT, u), () -> more.remove(ACTUAL_UNIT));
        return new Observation(status, summary, more, evidence);
    }

    /** The value compared with a threshold, when the probe reported one ({@link #withActual}). */
    public Optional<Reading> actual() {
        if (!(measurements.get(ACTUAL) instanceof Number n)) {
            return Optional.empty();
        }
        Object unit = measurements.get(ACTUAL_UNIT);
        return Optional.of(
                new Reading(n.doubleValue(), Optional.ofNullable(unit).map(Object::toString)));
    }

    /** A measured value and its unit ("%", "ms", "h"), when it has one. */
    public record Reading(double value, Optional<String> unit) {
        public Reading {
            requireNonNull(unit, "null unit");
        }

        /** The value as people read it: {@code 99.85%}, {@code 612ms}. */
        public String text() {
            return Units.format(value, unit.orElse(""));
        }
    }

    /** The same observation with one more piece of evidence. */
    public Observation withEvidence(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(evidence);
        more.put(key, value);
        return new Observation(status, summary, measurements, more);
    }
}
