package io.golive.probe.postgres;

import io.golive.checklist.Threshold;
import io.golive.probe.KeyedPool;
import io.golive.probe.Observation;
import io.golive.probe.ProbeContext;
import io.golive.spec.Secrets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Runs the postgres probe on a config written as in a spec, with its own connection pool. */
final class PgProbeRunner implements AutoCloseable {
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    final KeyedPool<Connection> pool = new KeyedPool<>(4, Duration.ofSeconds(30), Clock.systemUTC());
    private final PostgresProbe probe = new PostgresProbe(pool);

    static PostgresConfig config(String yaml) {
        return YAML.readValue(yaml, PostgresConfig.class);
    }

    Observation run(String yaml, Threshold... inherited) {
        return run(yaml, Duration.ofSeconds(10), inherited);
    }

    Observation run(String yaml, Duration timeout, Threshold... inherited) {
        ProbeContext context = new ProbeContext(
                Clock.systemUTC(),
                Clock.systemUTC().instant().plus(timeout),
                Map.of(),
                Path.of("."),
                List.of(inherited),
                Secrets.none());
        return probe.run(config(yaml), context);
    }

    @Override
    public void close() {
        pool.close();
    }
}
