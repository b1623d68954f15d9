package io.golive.rollout;

import static java.util.Objects.requireNonNull;

import io.golive.InputException;
import io.golive.checklist.Checklist;
import io.golive.checklist.Units;
import io.golive.probe.ProbeConfig;
import io.golive.probe.ProbeRegistry;
import io.golive.spec.CheckSpec;
import io.golive.spec.Durations;
import io.golive.spec.LaunchSpec;
import io.golive.spec.Node;
import io.golive.spec.Node.MapNode;
import io.golive.spec.Node.ScalarNode;
import io.golive.spec.Problems;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the spec's {@code rollout:} section into a {@link Plan}, with the checklist's rollout plan and
 * rollback triggers as defaults. Every problem is collected with its file and line and thrown together.
 */
public final class PlanReader {
    static final Set<String> KEYS = Set.of("steps", "interval", "traffic", "rollback", "metrics", "triggers", "noData");
    private static final Set<String> ACTION_KEYS = Set.of("timeout", "retries");
    private static final Set<String> METRIC_KEYS = Set.of("unit", "measure");
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final int DEFAULT_RETRIES = 3;

    private final ProbeRegistry registry;
    private final List<ActionKind> kinds;
    private final Clock clock;

    /** @param kinds the action kinds {@code traffic:} and {@code rollback:} may use, besides command and webhook */
    public PlanReader(ProbeRegistry registry, List<ActionKind> kinds, Clock clock) {
        this.registry = requireNonNull(registry, "null registry");
        this.clock = requireNonNull(clock, "null clock");
        List<ActionKind> all = new ArrayList<>(
                List.of(new CommandActionKind(clock), new WebhookActionKind(WebhookAction.defaultClient())));
        all.addAll(kinds);
        this.kinds = List.copyOf(all);
    }

    /**
     * The plan of a spec.
     *
     * @param rollout the spec's {@code rollout:} value, {@code ${ENV}} substituted; empty when it has none
     * @param checklists the spec's checklists, each with its own file for line references
     */
    public Plan read(LaunchSpec spec, Optional<Node> rollout, List<Checklist> checklists) {
        String file = String.valueOf(spec.file().getFileName());
        Problems problems = new Problems(spec.file().toString());
        List<Problems> checklistProblems = new ArrayList<>();
        MapNode r =
                rollout.filter(n -> n instanceof MapNode).map(n -> (MapNode) n).orElse(null);
        if (r == null) {
            problems.add(
                    rollout.map(Node::line).orElse(1),
                    "no 'rollout:' section (it needs at least traffic: and metrics:)");
            problems.throwIfAny();
        }
        r.entries().keySet().stream()
                .filter(k -> !KEYS.contains(k))
                .forEach(k -> problems.add(
                        r.lineOf(k),
                        "unknown key 'rollout." + k + "' (known: "
                                + String.join(", ", KEYS.stream().sorted().toList()) + ")"));
        Map<String, Metric> metrics = metrics(r, spec, problems, file);
        List<Step> steps = steps(r, checklists, problems, file);
        List<Trigger> fromChecklists = new ArrayList<>();
        for (Checklist c : checklists) {
            Problems p = new Problems(c.source());
            checklistProblems.add(p);
            fromChecklists.addAll(Triggers.fromChecklist(
                    c.rollbackTriggers(),
                    metrics,
                    p,
                    String.valueOf(Path.of(c.source()).getFileName())));
        }
        List<Trigger> fromSpec = r.get("triggers")
                .map(n -> Triggers.fromSpec(n, metrics, problems, file))
                .orElse(List.of());
        Duration interval = duration(r, "interval", problems).orElse(Duration.ofMinutes(1));
        if (interval.toMillis() < 100) {
            problems.add(r.lineOf("interval"), "rollout.interval: must be at least 100ms");
        }
        Plan.NoData noData = noData(r, problems);
        ActionSite trafficSite = new ActionSite("traffic", spec.baseDir(), spec.targets(), spec.secrets());
        Optional<Plan.Configured> traffic = r.get("traffic").flatMap(n -> action(n, trafficSite, problems));
        if (r.get("traffic").isEmpty()) {
            problems.add(
                    r.line(),
                    "rollout.traffic: missing (the action that sets the new version's share, such as command: [./set-weight.sh, \"{weight}\"])");
        }
        ActionSite rollbackSite = new ActionSite("rollback", spec.baseDir(), spec.targets(), spec.secrets());
        Optional<Plan.Configured> rollback = r.get("rollback").flatMap(n -> action(n, rollbackSite, problems));
        throwAll(problems, checklistProblems);
        return new Plan(
                spec.name(),
                steps,
                interval,
                metrics,
                Triggers.merge(fromChecklists, fromSpec),
                noData,
                traffic.orElseThrow(),
                rollback);
    }

    private static void throwAll(Problems spec, List<Problems> checklists) {
        List<String> all = new ArrayList<>();
        for (Problems p : checklists) {
            collect(p, all);
        }
        collect(spec, all);
        if (!all.isEmpty()) {
            throw new InputException(all);
        }
    }

    private static void collect(Problems p, List<String> into) {
        try {
            p.throwIfAny();
        } catch (InputException e) {
            into.addAll(e.problems());
        }
    }

    private List<Step> steps(MapNode r, List<Checklist> checklists, Problems problems, String file) {
        if (r.get("steps").isPresent()) {
            return Steps.fromSpec(r.get("steps").get(), file, problems);
        }
        for (Checklist c : checklists) {
            List<Step> s = Steps.fromChecklist(c.rolloutPlan(), Path.of(c.source()));
            if (!s.isEmpty()) {
                return s;
            }
        }
        problems.add(
                r.line(),
                "rollout.steps: missing, and no checklist has a rollout plan (write steps: [10%, hold 2h, 100%, watch 24h])");
        return List.of();
    }

    private Map<String, Metric> metrics(MapNode r, LaunchSpec spec, Problems problems, String file) {
        Map<String, Metric> out = new LinkedHashMap<>();
        Optional<Node> node = r.get("metrics");
        if (node.isEmpty()) {
            return out;
        }
        if (!(node.get() instanceof MapNode m)) {
            problems.add(
                    node.get().line(),
                    "rollout.metrics: expected a mapping of names to probes, such as error rate: {prometheus: {url: ..., query: ..., unit: ratio}}");
            return out;
        }
        m.entries()
                .forEach((name, value) -> metric(name, value, m.lineOf(name), spec, problems, file)
                        .ifPresent(x -> out.put(name, x)));
        return out;
    }

    private Optional<Metric> metric(
            String name, Node value, int line, LaunchSpec spec, Problems problems, String file) {
        String where = "rollout.metrics." + name;
        if (!(value instanceof MapNode m)) {
            problems.add(line, where + ": expected a probe such as {prometheus: {url: ..., query: ...}}");
            return Optional.empty();
        }
        List<String> probeKeys = m.entries().keySet().stream()
                .filter(k -> !METRIC_KEYS.contains(k))
                .toList();
        if (probeKeys.size() != 1
                || !registry.kinds().contains(probeKeys.getFirst())
                || !(m.entries().get(probeKeys.getFirst()) instanceof MapNode)) {
            problems.add(
                    line,
                    where + ": expected one probe ("
                            + String.join(
                                    ", ", registry.kinds().stream().sorted().toList())
                            + ") with its fields, and optionally unit: and measure:");
            return Optional.empty();
        }
        String kind = probeKeys.getFirst();
        MapNode cfg = (MapNode) m.entries().get(kind);
        Optional<String> unit = text(cfg, "unit").or(() -> text(m, "unit"));
        String measure = text(cfg, "measure").or(() -> text(m, "measure")).orElse("value");
        Optional<String> canonical = unit.flatMap(PlanReader::unit);
        if (unit.isPresent() && canonical.isEmpty()) {
            problems.add(line, where + ".unit: '" + unit.get() + "' is not a unit (ratio, %, ms, s, min, B, MB ...)");
        }
        if (unit.isEmpty() && measure.endsWith("Ms")) {
            canonical = Optional.of("ms");
        }
        MapNode probeConfig = without(cfg, METRIC_KEYS);
        CheckSpec check = new CheckSpec(
                line, Optional.of(name), Optional.empty(), kind, probeConfig, Optional.empty(), Optional.empty());
        Optional<ProbeConfig> bound = registry.bind(check, problems);
        if (bound.isEmpty()) {
            return Optional.empty();
        }
        ProbeSource source = new ProbeSource(
                registry.probe(kind).orElseThrow(),
                bound.get(),
                measure,
                clock,
                spec.targets(),
                spec.baseDir(),
                spec.secrets());
        return Optional.of(new Metric(name, canonical, file + ":" + line, source));
    }

    static Optional<String> unit(String written) {
        String u = written.strip();
        return u.equalsIgnoreCase("ratio") ? Optional.of("ratio") : Units.canonical(u);
    }

    private static MapNode without(MapNode m, Set<String> keys) {
        Map<String, Node> entries = new LinkedHashMap<>(m.entries());
        Map<String, Integer> lines = new LinkedHashMap<>(m.keyLines());
        keys.forEach(k -> {
            entries.remove(k);
            lines.remove(k);
        });
        return new MapNode(m.line(), entries, lines);
    }

    private Optional<Plan.Configured> action(Node node, ActionSite site, Problems problems) {
        String where = "rollout." + site.role();
        if (!(node instanceof MapNode m)) {
            problems.add(node.line(), where + ": expected a mapping with one of " + kindKeys());
            return Optional.empty();
        }
        List<String> keys = m.entries().keySet().stream()
                .filter(k -> !ACTION_KEYS.contains(k))
                .toList();
        Optional<ActionKind> kind = keys.size() == 1
                ? kinds.stream().filter(k -> k.key().equals(keys.getFirst())).findFirst()
                : Optional.empty();
        if (kind.isEmpty()) {
            problems.add(
                    m.line(),
                    where + ": expected exactly one of " + kindKeys() + " (and optionally timeout:, retries:), got "
                            + (keys.isEmpty() ? "none" : String.join(", ", keys)));
            return Optional.empty();
        }
        Duration timeout = duration(m, "timeout", problems).orElse(DEFAULT_TIMEOUT);
        int retries = DEFAULT_RETRIES;
        if (m.get("retries").isPresent()) {
            Node n = m.get("retries").get();
            if (n instanceof ScalarNode s && s.value() instanceof Long l && l >= 0 && l <= 20) {
                retries = l.intValue();
            } else {
                problems.add(m.lineOf("retries"), where + ".retries: expected a number from 0 to 20");
            }
        }
        int r = retries;
        return kind.get()
                .bind(m.entries().get(keys.getFirst()), site, problems)
                .map(a -> new Plan.Configured(keys.getFirst(), a, timeout, r));
    }

    private String kindKeys() {
        return String.join(", ", kinds.stream().map(k -> k.key() + ":").toList());
    }

    private static Plan.NoData noData(MapNode r, Problems problems) {
        Optional<Node> node = r.get("noData");
        if (node.isEmpty()) {
            return Plan.NoData.DEFAULT;
        }
        if (!(node.get() instanceof MapNode m)) {
            problems.add(node.get().line(), "rollout.noData: expected {after: 3, then: rollback}");
            return Plan.NoData.DEFAULT;
        }
        int after = Plan.NoData.DEFAULT.after();
        if (m.get("after").isPresent()) {
            if (m.get("after").get() instanceof ScalarNode s && s.value() instanceof Long l && l >= 1 && l <= 1000) {
                after = l.intValue();
            } else {
                problems.add(m.lineOf("after"), "rollout.noData.after: expected a number of readings from 1 to 1000");
            }
        }
        Trigger.Then then = Plan.NoData.DEFAULT.then();
        if (m.get("then").isPresent()) {
            String t = text(m, "then").orElse("");
            Optional<Trigger.Then> parsed = Triggers.then(t);
            if (parsed.isEmpty()) {
                problems.add(m.lineOf("then"), "rollout.noData.then: expected rollback or pause, got '" + t + "'");
            }
            then = parsed.orElse(then);
        }
        m.entries().keySet().stream()
                .filter(k -> !k.equals("after") && !k.equals("then"))
                .forEach(
                        k -> problems.add(m.lineOf(k), "rollout.noData: unknown key '" + k + "' (known: after, then)"));
        return new Plan.NoData(after, then);
    }

    private static Optional<Duration> duration(MapNode m, String key, Problems problems) {
        Optional<String> v = text(m, key);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Durations.parse(v.get()));
        } catch (IllegalArgumentException e) {
            problems.add(m.lineOf(key), key + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<String> text(MapNode m, String key) {
        return m.get(key)
                .filter(n -> n instanceof ScalarNode s && s.value() != null)
                .map(n -> ((ScalarNode) n).text());
    }
}
