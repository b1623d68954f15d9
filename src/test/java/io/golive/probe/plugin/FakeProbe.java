package io.golive.probe.plugin;

import io.golive.probe.Observation;
import io.golive.probe.Probe;
import io.golive.probe.ProbeConfig;
import io.golive.probe.ProbeContext;
import io.golive.probe.Status;
import io.golive.spec.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A probe kind a plugin jar adds through ServiceLoader (see META-INF/services in the test resources):
 * it answers what its config says, after an optional sleep, or hangs, or throws.
 */
public final class FakeProbe implements Probe<FakeProbe.Config> {
    /**
     * {@code fake: {result: PASS, sleep: 100ms, say: text, target: api}} or {@code url:} instead of target;
     * {@code actual: 99.9, unit: "%"} reports that value as the one compared with a threshold.
     */
    public record Config(
            String result,
            String sleep,
            String say,
            Optional<String> target,
            Optional<String> url,
            Double actual,
            String unit)
            implements ProbeConfig {
        public Config {
            result = result == null ? "PASS" : result;
            say = say == null ? "" : say;
            target = target == null ? Optional.empty() : target;
            url = url == null ? Optional.empty() : url;
        }

        @Override
        public List<String> validate() {
            List<String> problems = new ArrayList<>();
            if (!List.of("PASS", "FAIL", "ERROR", "HANG", "THROW", "INHERIT").contains(result)) {
                problems.add("result must be PASS, FAIL, ERROR, HANG, THROW or INHERIT");
            }
            if (sleep != null) {
                try {
                    Durations.parse(sleep);
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage());
                }
            }
            return problems;
        }
    }

    @Override
    public String kind() {
        return "fake";
    }

    @Override
    public Class<Config> configType() {
        return Config.class;
    }

    @Override
    public Observation run(Config config, ProbeContext context) {
        if (config.sleep() != null) {
            sleep(Durations.parse(config.sleep()).toMillis());
        }
        String url =
                config.target().flatMap(context::target).flatMap(t -> t.url()).orElse("");
        return switch (config.result()) {
            case "HANG" -> {
                while (true) {
                    // ignores interruption on purpose: the engine must not wait for it
                    Thread.onSpinWait();
                    sleepIgnoringInterrupts();
                }
            }
            case "THROW" -> throw new IllegalStateException("boom");
            case "INHERIT" -> new Observation(Status.PASS, "inherited " + context.inherited(), Map.of(), Map.of());
            default -> {
                Observation o = new Observation(
                        Status.valueOf(config.result()),
                        config.say() + " " + url,
                        Map.of("said", config.say()),
                        Map.of("request", "GET " + url));
                yield config.actual() == null ? o : o.withActual(config.actual(), Optional.ofNullable(config.unit()));
            }
        };
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepIgnoringInterrupts() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException ignored) {
            // a badly behaved probe
        }
    }
}
