package io.golive.probe.kube;

import io.golive.checklist.Threshold;
import io.golive.probe.Observation;
import io.golive.probe.ProbeContext;
import io.golive.spec.Secrets;
import io.golive.spec.Target;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Runs the kubernetes probe as the engine does: a config bound from spec values, a deadline, targets. */
final class KubeRunner implements AutoCloseable {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final KubeClients clients = new KubeClients();
    private final KubeProbe probe;
    private final Path baseDir;

    KubeRunner(Path baseDir) {
        this.baseDir = baseDir;
        this.probe = new KubeProbe(clients, new KubeEnv(Map.of(), baseDir.resolve("home"), baseDir.resolve("sa")));
    }

    /** The config as the spec's mapping under {@code kubernetes:} would bind. */
    static KubeConfig config(Map<String, Object> values) {
        return MAPPER.convertValue(values, KubeConfig.class);
    }

    Observation run(Map<String, Object> values) {
        return run(config(values), List.of(), Map.of(), Duration.ofSeconds(10));
    }

    Observation run(KubeConfig config, List<Threshold> inherited, Map<String, Target> targets, Duration timeout) {
        Clock clock = Clock.systemUTC();
        return probe.run(
                config,
                new ProbeContext(clock, clock.instant().plus(timeout), targets, baseDir, inherited, Secrets.none()));
    }

    KubeClients clients() {
        return clients;
    }

    @Override
    public void close() {
        clients.close();
    }
}
