package io.golive.probe.kube;

import io.golive.probe.Observation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a verification found about several named objects of one kind: those that are as they should
 * be and the reasons the others are not. Nothing looked at is never a pass.
 */
final class Findings {
    private final String key;
    private final String good;
    private final List<String> ok = new ArrayList<>();
    private final List<String> wanting = new ArrayList<>();
    private final Map<String, Object> measurements = new LinkedHashMap<>();

    /**
     * @param key the option, also the measurement prefix ({@code deployments})
     * @param good what the objects that pass are ({@code "ready"})
     */
    Findings(String key, String good) {
        this.key = key;
        this.good = good;
    }

    void ok(String name) {
        ok.add(name);
    }

    void wanting(String reason) {
        wanting.add(reason);
    }

    void measure(String name, Object value) {
        measurements.put(name, value);
    }

    Observation observation() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key + "Ok", ok.size());
        m.put(key + "Failing", wanting.size());
        m.putAll(measurements);
        if (ok.isEmpty() && wanting.isEmpty()) {
            return Observation.error("no data: " + key + ": nothing was looked at");
        }
        if (!wanting.isEmpty()) {
            return Observation.fail(key + ": " + String.join("; ", wanting), m);
        }
        return Observation.pass(key + " " + good + ": " + String.join(", ", ok), m);
    }
}
