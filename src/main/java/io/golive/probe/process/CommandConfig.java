package io.golive.probe.process;

import io.golive.probe.ProbeConfig;
import io.golive.spec.Durations;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code command:} check: a program run in the spec's folder.
 *
 * @param run the argv (no shell), or with {@code shell: true} a single command line for {@code sh -c}
 * @param expectExit the exit code that passes (default 0)
 * @param maxDuration the longest the command may take (an RTO such as {@code 4h}); else an inherited
 *     time threshold of the bound item applies
 * @param timeout when the command is killed, with its whole process tree
 */
public record CommandConfig(List<String> run, Boolean shell, Integer expectExit, String maxDuration, String timeout)
        implements ProbeConfig {
    public CommandConfig {
        run = run == null ? List.of() : List.copyOf(run);
        shell = shell != null && shell;
        expectExit = expectExit == null ? 0 : expectExit;
    }

    @Override
    public List<String> validate() {
        List<String> problems = new ArrayList<>();
        if (run.isEmpty()) {
            problems.add("run is required: the program and its arguments, e.g. [./restore-drill.sh, --db, scratch]");
        }
        if (shell && run.size() != 1) {
            problems.add("with shell: true, run is one command line");
        }
        for (String d : new String[] {maxDuration, timeout}) {
            if (d != null) {
                try {
                    Durations.parse(d);
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage());
                }
            }
        }
        return problems;
    }

    List<String> argv() {
        return shell ? List.of("sh", "-c", run.getFirst()) : run;
    }
}
