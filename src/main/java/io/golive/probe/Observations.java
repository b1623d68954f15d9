package io.golive.probe;

import static java.util.Objects.requireNonNull;

import io.golive.spec.Secrets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Helpers for probes that verify several aspects in one check and report them as one observation. */
public final class Observations {
    private Observations() {}

    /**
     * One observation of several parts: FAIL if any part was found wanting, else ERROR if any could not
     * run, else PASS ({@link ProbeVerdict#worse}). The summary lists the parts that did not pass (all parts when all passed);
     * measurements and evidence are merged in order.
     */
    public static Observation combine(List<Observation> parts) {
        requireNonNull(parts, "null parts");
        if (parts.isEmpty()) {
            return Observation.error("no data: nothing was checked");
        }
        Status status = parts.stream()
                .map(Observation::verdict)
                .reduce(ProbeVerdict.PASS, ProbeVerdict::worse)
                .status();
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

    /**
     * The observation with {@code secret} (a password the check was given in clear, not only through
     * {@code ${ENV}}) masked in its summary, text measurements and evidence, and one more piece of
     * evidence: where it ran.
     */
    public static Observation masked(Observation o, String secret, String server) {
        Secrets mask = new Secrets(List.of(secret));
        Map<String, Object> measurements = new LinkedHashMap<>();
        o.measurements().forEach((k, v) -> measurements.put(k, v instanceof String t ? mask.mask(t) : v));
        Map<String, String> evidence = new LinkedHashMap<>();
        o.evidence().forEach((k, v) -> evidence.put(k, mask.mask(v)));
        return new Observation(o.status(), mask.mask(o.summary()), measurements, evidence)
                .withEvidence("server", server);
    }

    /** The observation with the connection it used: {@code connectionsOpened} and evidence {@code connection}. */
    public static Observation withConnection(Observation o, KeyedPool.Lease<?> lease) {
        Map<String, Object> measurements = new LinkedHashMap<>(o.measurements());
        measurements.put("connectionsOpened", lease.opened());
        return new Observation(o.status(), o.summary(), measurements, o.evidence())
                .withEvidence("connection", lease.describe());
    }
}
