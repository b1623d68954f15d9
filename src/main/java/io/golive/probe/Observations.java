package io.golive.probe;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Helpers for probes that verify several aspects in one check and report them as one observation. */
public final class Observations {
    private Observations() {}

    /**
     * One observation of several parts: ERROR if any part could not run, else FAIL if any was found
     * wanting, else PASS. The summary lists the parts that did not pass (all parts when all passed);
     * measurements and evidence are merged in order.
     */
    public static Observation combine(List<Observation> parts) {
        requireNonNull(parts, "null parts");
        if (parts.isEmpty()) {
            return Observation.error("no data: nothing was checked");
        }
        Status status = parts.stream().map(Observation::status).reduce(Status.PASS, Observations::worse);
        List<Observation> shown = status == Status.PASS
                ? parts
                : parts.stream().filter(o -> o.status() != Status.PASS).toList();
        String summary = shown.stream().map(Observation::summary).collect(Collectors.joining("; "));
        Map<String, Object> measurements = new LinkedHashMap<>();
        Map<String, String> evidence = new LinkedHashMap<>();
        for (Observation o : parts) {
            measurements.putAll(o.measurements());
            evidence.putAll(o.evidence());
        }
        return new Observation(status, summary, measurements, evidence);
    }

    private static Status worse(Status a, Status b) {
        if (a == Status.ERROR || b == Status.ERROR) {
            return Status.ERROR;
        }
        return a == Status.FAIL || b == Status.FAIL ? Status.FAIL : Status.PASS;
    }
}
