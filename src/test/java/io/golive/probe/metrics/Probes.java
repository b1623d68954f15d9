package io.golive.probe.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.checklist.Threshold;
import io.golive.probe.ProbeConfig;
import io.golive.probe.ProbeContext;
import io.golive.spec.Secrets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Builds the configs and contexts of direct probe runs in the metrics tests. */
final class Probes {
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private Probes() {}

    /** The config bound from YAML flow text, which must be valid. */
    static <C extends ProbeConfig> C config(Class<C> type, String yaml) {
        C c = YAML.readValue(yaml, type);
        assertThat(c.validate()).as("problems of " + yaml).isEmpty();
        return c;
    }

    static ProbeContext context(Duration timeout, List<Threshold> inherited) {
        Clock clock = Clock.systemUTC();
        return new ProbeContext(
                clock, clock.instant().plus(timeout), Map.of(), Path.of("."), inherited, Secrets.none());
    }
}
