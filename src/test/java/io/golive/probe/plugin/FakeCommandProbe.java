package io.golive.probe.plugin;

import io.golive.probe.Observation;
import io.golive.probe.Probe;
import io.golive.probe.ProbeConfig;
import io.golive.probe.ProbeContext;
import java.util.List;
import java.util.Map;

/**
 * Stands in for the {@code command} probe in tests of the server's local-probe switch (the built-in
 * one, when present, takes precedence over this plugin).
 */
public final class FakeCommandProbe implements Probe<FakeCommandProbe.Config> {
    /** {@code command: {run: [argv...]}}. */
    public record Config(List<String> run) implements ProbeConfig {}

    @Override
    public String kind() {
        return "command";
    }

    @Override
    public Class<Config> configType() {
        return Config.class;
    }

    @Override
    public Observation run(Config config, ProbeContext context) {
        return Observation.pass("ran " + config.run(), Map.of());
    }
}
