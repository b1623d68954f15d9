package io.golive.rollout;

import static java.util.Objects.requireNonNull;

import io.golive.probe.Observation;
import io.golive.probe.Probe;
import io.golive.probe.ProbeConfig;
import io.golive.probe.ProbeContext;
import io.golive.probe.Status;
import io.golive.spec.Secrets;
import io.golive.spec.Target;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A metric read by a probe: the probe runs as a check would, and the number is its measurement named
 * {@code measure}. An ERROR observation (refused, timed out, empty result, NaN) has no value.
 */
final class ProbeSource implements Metric.Source {
    private final Probe<ProbeConfig> probe;
    private final ProbeConfig config;
    private final String measure;
    private final Clock clock;
    private final Map<String, Target> targets;
    private final Path baseDir;
    private final Secrets secrets;

    @SuppressWarnings("unchecked")
    ProbeSource(
            Probe<?> probe,
            ProbeConfig config,
            String measure,
            Clock clock,
            Map<String, Target> targets,
            Path baseDir,
            Secrets secrets) {
        this.probe = (Probe<ProbeConfig>) requireNonNull(probe, "null probe");
        this.config = requireNonNull(config, "null config");
        this.measure = requireNonNull(measure, "null measure");
        this.clock = requireNonNull(clock, "null clock");
        this.targets = Map.copyOf(targets);
        this.baseDir = requireNonNull(baseDir, "null baseDir");
        this.secrets = requireNonNull(secrets, "null secrets");
    }

    @Override
    public Reading read(Instant deadline) {
        Observation o;
        try {
            o = probe.run(config, new ProbeContext(clock, deadline, targets, baseDir, List.of(), secrets));
        } catch (RuntimeException e) {
            // A probe must not throw; if one does, the reading is missing, never a pass.
            return Reading.none(secrets.mask("the " + probe.kind() + " probe failed: " + e));
        }
        String summary = secrets.mask(o.summary());
        if (o.status() == Status.ERROR) {
            return Reading.none(summary);
        }
        Object v = o.measurements().get(measure);
        if (!(v instanceof Number n)) {
            return Reading.none("no measurement '" + measure + "' (the probe measured "
                    + String.join(", ", o.measurements().keySet()) + ")");
        }
        return Reading.of(n.doubleValue(), summary);
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("probe", probe.kind());
        m.put("measure", measure);
        return m;
    }
}
