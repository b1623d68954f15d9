package io.golive.spec;

import static java.util.Objects.requireNonNull;

import io.golive.InputException;
import io.golive.spec.Node.ListNode;
import io.golive.spec.Node.MapNode;
import io.golive.spec.Node.ScalarNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Loads and validates {@code golive.yaml}. Every problem is collected with its line, and all are
 * reported together; probe configurations are checked later by the probe registry.
 */
public final class SpecLoader {
    static final Set<String> TOP_KEYS = Set.of(
            "name", "launch", "checklist", "targets", "checks", "timeout", "schedule", "signoffs", "rollout", "notify");
    static final Set<String> CHECK_KEYS = Set.of("item", "criterion", "name", "blocking", "timeout");
    private static final long MAX_BYTES = 1024 * 1024;

    private final Set<String> probeKinds;
    private final Map<String, String> env;
    private final Predicate<Path> checklistPresent;

    /** The top-level keys a spec may have. */
    public static Set<String> topKeys() {
        return TOP_KEYS;
    }

    /** @param probeKinds the probe keys a check may use; @param env the environment for {@code ${ENV}} */
    public SpecLoader(Set<String> probeKinds, Map<String, String> env) {
        this(probeKinds, env, Files::isRegularFile);
    }

    private SpecLoader(Set<String> probeKinds, Map<String, String> env, Predicate<Path> checklistPresent) {
        this.probeKinds = Set.copyOf(requireNonNull(probeKinds, "null probeKinds"));
        this.env = Map.copyOf(requireNonNull(env, "null env"));
        this.checklistPresent = requireNonNull(checklistPresent, "null checklistPresent");
    }

    /**
     * A loader for a spec whose checklists are not files on this machine (the server's uploads, held
     * in memory): {@code present} tells whether a resolved checklist path names one of them.
     */
    public SpecLoader withChecklists(Predicate<Path> present) {
        return new SpecLoader(probeKinds, env, present);
    }

    /**
     * A spec read with the problems found in it, not yet thrown: the planner adds the problems of the
     * checks' references and probe configurations, so that one run lists every problem of the spec.
     */
    public record Draft(LaunchSpec spec, Problems problems) {
        public Draft {
            requireNonNull(spec, "null spec");
            requireNonNull(problems, "null problems");
        }

        /** Whether every checklist the spec names can be read (else nothing more can be checked). */
        public boolean checklistsFound() {
            return !spec.checklists().isEmpty() && spec.checklists().stream().allMatch(Files::isRegularFile);
        }
    }

    /** Loads a spec; throws {@link InputException} listing every problem as {@code file:line: message}. */
    public LaunchSpec load(Path file) {
        Draft d = draft(file);
        d.problems().throwIfAny();
        return d.spec();
    }

    /** Loads a spec from its text; {@code file} names it in messages and its folder resolves relative paths. */
    public LaunchSpec load(Path file, String text) {
        Draft d = draft(file, text);
        d.problems().throwIfAny();
        return d.spec();
    }

    /** Reads a spec file; only an unreadable file or invalid YAML throws, every other problem is collected. */
    public Draft draft(Path file) {
        requireNonNull(file, "null file");
        return draft(file, read(file));
    }

    /** As {@link #draft(Path)}, from the spec's text. */
    public Draft draft(Path file, String text) {
        requireNonNull(file, "null file");
        requireNonNull(text, "null text");
        String source = file.toString();
        Problems problems = new Problems(source);
        EnvSubstitution substitution = new EnvSubstitution(env, problems);
        Node root = substitution.apply(YamlReader.read(source, text));
        if (!(root instanceof MapNode top)) {
            throw InputException.at(source, root.line(), "a launch spec is a mapping (name:, checklist:, checks: ...)");
        }
        unknownKeys(top, TOP_KEYS, "top-level key", problems);
        String name = string(top, "name", problems).orElseGet(() -> stem(file));
        Optional<Instant> launch =
                string(top, "launch", problems).flatMap(v -> instant(v, top.lineOf("launch"), problems));
        List<Path> checklists = checklists(file, top, problems);
        Map<String, Target> targets = targets(top, problems);
        Optional<Duration> timeout =
                string(top, "timeout", problems).flatMap(v -> duration(v, top.lineOf("timeout"), problems));
        Optional<Duration> schedule =
                string(top, "schedule", problems).flatMap(v -> schedule(v, top.lineOf("schedule"), problems));
        List<CheckSpec> checks = checks(top, targets, problems);
        List<String> signoffs = signoffs(top, problems);
        return new Draft(
                new LaunchSpec(
                        file,
                        name,
                        launch,
                        checklists,
                        targets,
                        checks,
                        timeout,
                        substitution.secrets(),
                        schedule,
                        signoffs),
                problems);
    }

    /**
     * The value of a top-level section another package reads ({@code rollout:}), {@code ${ENV}}
     * substituted as in {@link #load}; empty when the spec has none.
     */
    public Optional<Node> section(LaunchSpec spec, String key) {
        return section(spec, read(spec.file()), key);
    }

    /** As {@link #section(LaunchSpec, String)}, from the spec's text (an upload held in memory). */
    public Optional<Node> section(LaunchSpec spec, String text, String key) {
        String source = spec.file().toString();
        Node root = new EnvSubstitution(env, new Problems(source)).apply(YamlReader.read(source, text));
        return root instanceof MapNode top ? top.get(key) : Optional.empty();
    }

    private static String read(Path file) {
        try {
            if (Files.isDirectory(file)) {
                throw new InputException(file + ": is a directory, not a launch spec");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new InputException(file + ": larger than 1 MB; a launch spec is a short YAML file");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": no such file");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new InputException(file + ": not valid UTF-8 text");
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private List<Path> checklists(Path file, MapNode top, Problems problems) {
        Optional<Node> node = top.get("checklist");
        if (node.isEmpty()) {
            problems.add(top.line(), "missing 'checklist:' (the Markdown checklist this spec verifies)");
            return List.of();
        }
        List<Node> entries = node.get() instanceof ListNode l ? l.items() : List.of(node.get());
        List<Path> out = new ArrayList<>();
        Path base = file.toAbsolutePath().getParent();
        for (Node n : entries) {
            if (!(n instanceof ScalarNode s) || s.text().isBlank()) {
                problems.add(n.line(), "'checklist' must be a path or a list of paths");
                continue;
            }
            Path p = base == null ? Path.of(s.text()) : base.resolve(s.text()).normalize();
            if (!checklistPresent.test(p)) {
                problems.add(n.line(), "checklist " + s.text() + " not found (looked for " + p + ")");
            }
            out.add(p);
        }
        return out;
    }

    private Map<String, Target> targets(MapNode top, Problems problems) {
        Map<String, Target> out = new LinkedHashMap<>();
        Optional<Node> node = top.get("targets");
        if (node.isEmpty()) {
            return out;
        }
        if (!(node.get() instanceof MapNode m)) {
            problems.add(node.get().line(), "'targets' must be a mapping of names to endpoints");
            return out;
        }
        m.entries().forEach((name, value) -> {
            if (value instanceof MapNode fields) {
                out.put(name, new Target(name, Nodes.toPlain(fields)));
            } else {
                problems.add(m.lineOf(name), "target '" + name + "' must be a mapping such as {url: https://...}");
            }
        });
        return out;
    }

    private List<CheckSpec> checks(MapNode top, Map<String, Target> targets, Problems problems) {
        Optional<Node> node = top.get("checks");
        if (node.isEmpty()) {
            return List.of();
        }
        if (!(node.get() instanceof ListNode list)) {
            problems.add(node.get().line(), "'checks' must be a list (each entry starts with '- ')");
            return List.of();
        }
        List<CheckSpec> out = new ArrayList<>();
        for (Node n : list.items()) {
            if (n instanceof MapNode m) {
                check(m, targets, problems).ifPresent(out::add);
            } else {
                problems.add(
                        n.line(),
                        "a check must be a mapping with one probe key (" + String.join(", ", sorted(probeKinds)) + ")");
            }
        }
        return out;
    }

    private Optional<CheckSpec> check(MapNode m, Map<String, Target> targets, Problems problems) {
        List<String> kinds =
                m.entries().keySet().stream().filter(probeKinds::contains).toList();
        for (String key : m.entries().keySet()) {
            if (!CHECK_KEYS.contains(key) && !probeKinds.contains(key)) {
                problems.add(
                        m.lineOf(key),
                        "unknown key '" + key + "' in a check (probe keys: " + String.join(", ", sorted(probeKinds))
                                + "; other keys: item, criterion, name, blocking, timeout)");
            }
        }
        if (kinds.size() != 1) {
            problems.add(
                    m.line(),
                    kinds.isEmpty()
                            ? "a check needs one probe key (" + String.join(", ", sorted(probeKinds)) + ")"
                            : "a check has one probe key, this one has " + kinds.size() + ": "
                                    + String.join(", ", kinds));
            return Optional.empty();
        }
        String kind = kinds.getFirst();
        Node config = m.entries().get(kind);
        if (!(config instanceof MapNode cfg)) {
            problems.add(m.lineOf(kind), "'" + kind + "' must be a mapping of its fields");
            return Optional.empty();
        }
        cfg.get("target").ifPresent(t -> {
            if (t instanceof ScalarNode s && !targets.containsKey(s.text())) {
                problems.add(
                        t.line(),
                        "unknown target '" + s.text() + "' (targets: " + String.join(", ", sorted(targets.keySet()))
                                + ")");
            }
        });
        Optional<String> item = string(m, "item", problems);
        Optional<String> criterion = string(m, "criterion", problems);
        Optional<String> name = string(m, "name", problems);
        if (item.isEmpty() && name.isEmpty() && criterion.isEmpty()) {
            problems.add(
                    m.line(),
                    "a check needs 'item:' (the item it verifies), 'criterion:' (the Go/No-Go criterion it"
                            + " measures) or 'name:'");
        }
        Optional<Boolean> blocking = bool(m, "blocking", problems);
        Optional<Duration> timeout =
                string(m, "timeout", problems).flatMap(v -> duration(v, m.lineOf("timeout"), problems));
        return Optional.of(new CheckSpec(m.line(), name, item, kind, cfg, blocking, timeout, criterion));
    }

    private static void unknownKeys(MapNode m, Set<String> allowed, String what, Problems problems) {
        for (String key : m.entries().keySet()) {
            if (!allowed.contains(key)) {
                problems.add(
                        m.lineOf(key),
                        "unknown " + what + " '" + key + "' (allowed: " + String.join(", ", sorted(allowed)) + ")");
            }
        }
    }

    /** {@code signoffs: [CTO, Security Lead]}: roles whose approval GO needs besides the checklist's own. */
    private static List<String> signoffs(MapNode top, Problems problems) {
        Optional<Node> node = top.get("signoffs");
        if (node.isEmpty()) {
            return List.of();
        }
        List<Node> entries = node.get() instanceof ListNode l ? l.items() : List.of(node.get());
        Map<String, String> roles = new LinkedHashMap<>();
        for (Node n : entries) {
            if (!(n instanceof ScalarNode s)
                    || s.value() == null
                    || s.text().isBlank()
                    || s.text().length() > 100) {
                problems.add(n.line(), "'signoffs' lists role names (CTO, Security Lead), each 1 to 100 characters");
            } else if (roles.putIfAbsent(
                            s.text().strip().toLowerCase(Locale.ROOT), s.text().strip())
                    != null) {
                problems.add(n.line(), "sign-off role '" + s.text().strip() + "' is listed twice");
            }
        }
        return List.copyOf(roles.values());
    }

    private static Optional<String> string(MapNode m, String key, Problems problems) {
        Optional<Node> n = m.get(key);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        if (n.get() instanceof ScalarNode s && s.value() != null && !(s.value() instanceof Boolean)) {
            return Optional.of(s.text());
        }
        problems.add(m.lineOf(key), "'" + key + "' must be a single value");
        return Optional.empty();
    }

    private static Optional<Boolean> bool(MapNode m, String key, Problems problems) {
        Optional<Node> n = m.get(key);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        if (n.get() instanceof ScalarNode s && s.value() instanceof Boolean b) {
            return Optional.of(b);
        }
        problems.add(m.lineOf(key), "'" + key + "' must be true or false");
        return Optional.empty();
    }

    private static Optional<Duration> duration(String v, int line, Problems problems) {
        try {
            return Optional.of(Durations.parse(v));
        } catch (IllegalArgumentException e) {
            problems.add(line, e.getMessage());
            return Optional.empty();
        }
    }

    /** {@code every 15m}: how often a server re-runs the checks. */
    private static Optional<Duration> schedule(String v, int line, Problems problems) {
        String text = v.strip();
        if (!text.startsWith("every ")) {
            problems.add(line, "'schedule' is written 'every DURATION' (every 15m, every 1h), not '" + v + "'");
            return Optional.empty();
        }
        return duration(text.substring(6), line, problems).filter(d -> {
            if (d.isZero()) {
                problems.add(line, "'schedule' must be longer than zero");
            }
            return !d.isZero();
        });
    }

    private static Optional<Instant> instant(String v, int line, Problems problems) {
        try {
            return Optional.of(Instant.parse(v));
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(java.time.OffsetDateTime.parse(v).toInstant());
            } catch (DateTimeParseException e2) {
                problems.add(line, "'launch' must be a date and time such as 2026-12-01T09:00:00Z, not '" + v + "'");
                return Optional.empty();
            }
        }
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }

    private static String stem(Path file) {
        String n = String.valueOf(file.getFileName());
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
