package io.golive.rollout;

import io.golive.spec.Node;
import io.golive.spec.Node.ListNode;
import io.golive.spec.Node.MapNode;
import io.golive.spec.Node.ScalarNode;
import io.golive.spec.Problems;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code command: [./set-weight.sh, "{weight}"]}, or {@code command: {run: "...", shell: true}}. */
final class CommandActionKind implements ActionKind {
    private final Clock clock;

    CommandActionKind(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String key() {
        return "command";
    }

    @Override
    public Optional<Action> bind(Node config, ActionSite site, Problems problems) {
        boolean shell = false;
        Node run = config;
        if (config instanceof MapNode m) {
            for (String k : m.entries().keySet()) {
                if (!k.equals("run") && !k.equals("shell")) {
                    problems.add(m.lineOf(k), site.role() + ".command: unknown key '" + k + "' (known: run, shell)");
                }
            }
            shell = m.get("shell")
                    .filter(s -> s instanceof ScalarNode sn && Boolean.TRUE.equals(sn.value()))
                    .isPresent();
            run = m.get("run").orElse(null);
            if (shell && run instanceof ScalarNode s && s.value() instanceof String line && !line.isBlank()) {
                return Optional.of(new CommandAction(List.of("sh", "-c", line), site.baseDir(), site.secrets(), clock));
            }
        }
        List<String> argv = new ArrayList<>();
        if (run instanceof ListNode l) {
            for (Node n : l.items()) {
                if (n instanceof ScalarNode s && s.value() != null && !(s.value() instanceof Boolean)) {
                    argv.add(s.text());
                }
            }
        }
        if (argv.isEmpty()
                || !(run instanceof ListNode l2)
                || argv.size() != l2.items().size()) {
            problems.add(
                    config.line(),
                    site.role() + ".command: expected the program and its arguments as a list, such as"
                            + " [./set-weight.sh, \"{weight}\"] (or {run: \"a command line\", shell: true})");
            return Optional.empty();
        }
        return Optional.of(new CommandAction(argv, site.baseDir(), site.secrets(), clock));
    }
}
