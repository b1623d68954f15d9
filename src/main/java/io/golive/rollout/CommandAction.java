package io.golive.rollout;

import static java.util.Objects.requireNonNull;

import io.golive.probe.Observation;
import io.golive.probe.ProbeContext;
import io.golive.probe.Status;
import io.golive.probe.process.CommandConfig;
import io.golive.probe.process.CommandProbe;
import io.golive.spec.Secrets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code command:} action: a program run in the spec's folder with {@code {weight}} substituted in
 * its arguments; exit 0 is success. The command probe runs it, so a hung program is killed with its
 * children at the timeout and the tail of its output is kept.
 */
final class CommandAction implements Action {
    private static final CommandProbe RUNNER = new CommandProbe();

    private final List<String> argv;
    private final Path baseDir;
    private final Secrets secrets;
    private final Clock clock;

    CommandAction(List<String> argv, Path baseDir, Secrets secrets, Clock clock) {
        this.argv = List.copyOf(argv);
        this.baseDir = requireNonNull(baseDir, "null baseDir");
        this.secrets = requireNonNull(secrets, "null secrets");
        this.clock = requireNonNull(clock, "null clock");
    }

    @Override
    public ActionResult run(int weight, Duration timeout) {
        List<String> run = argv.stream()
                .map(a -> a.replace("{weight}", Integer.toString(weight)))
                .toList();
        CommandConfig config = new CommandConfig(run, false, 0, null, null);
        ProbeContext context =
                new ProbeContext(clock, clock.instant().plus(timeout), Map.of(), baseDir, List.of(), secrets);
        Observation o = RUNNER.run(config, context);
        String output = secrets.mask(o.evidence().getOrDefault("output", ""));
        String summary = secrets.mask(o.summary());
        return o.status() == Status.PASS ? ActionResult.ok(summary, output) : ActionResult.failed(summary, output);
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", argv.stream().map(secrets::mask).toList());
        return m;
    }
}
