package io.golive.probe.kube;

import io.golive.rollout.Action;
import io.golive.rollout.ActionKind;
import io.golive.rollout.ActionSite;
import io.golive.spec.Node;
import io.golive.spec.Node.MapNode;
import io.golive.spec.Node.ScalarNode;
import io.golive.spec.Problems;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code kubernetes:} under {@code rollout.traffic} or {@code rollout.rollback}: {@code canaryIngress}
 * (ingress-nginx canary weight) or {@code stable} + {@code canary} Deployments sharing {@code replicas}
 * for traffic, {@code undo: deployment/NAME} (what {@code kubectl rollout
 * undo} does) for rollback, with {@code target} or {@code kubeconfig}, {@code context},
 * {@code namespace} as for the probe.
 */
public final class KubeActionKind implements ActionKind {
    static final List<String> KEYS = List.of(
            "target", "kubeconfig", "context", "namespace", "canaryIngress", "stable", "canary", "replicas", "undo");

    private final KubeClients clients;
    private final KubeEnv env;
    private final Clock clock;

    /** The kind with the JVM-wide clients the probe uses, so a rollout and its checks share connections. */
    public KubeActionKind(Clock clock) {
        this(KubeProbe.sharedClients(), KubeEnv.system(), clock);
    }

    KubeActionKind(KubeClients clients, KubeEnv env, Clock clock) {
        this.clients = clients;
        this.env = env;
        this.clock = clock;
    }

    @Override
    public String key() {
        return "kubernetes";
    }

    @Override
    public Optional<Action> bind(Node config, ActionSite site, Problems problems) {
        String where = "rollout." + site.role() + ".kubernetes";
        if (!(config instanceof MapNode m)) {
            problems.add(config.line(), where + ": expected a mapping such as {target: cluster, canaryIngress: NAME}");
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        boolean ok = true;
        for (Map.Entry<String, Node> e : m.entries().entrySet()) {
            if (!KEYS.contains(e.getKey())) {
                problems.add(
                        m.lineOf(e.getKey()),
                        where + ": unknown key '" + e.getKey() + "' (known: " + String.join(", ", KEYS) + ")");
                ok = false;
            } else if (e.getKey().equals("replicas")) {
                if (e.getValue() instanceof ScalarNode s && s.value() instanceof Long n && n >= 1 && n <= 10_000) {
                    values.put("replicas", n.toString());
                } else {
                    problems.add(
                            m.lineOf("replicas"),
                            where + ".replicas: expected the total number of replicas (1 or more)");
                    ok = false;
                }
            } else if (e.getValue() instanceof ScalarNode s && s.value() instanceof String v && !v.isBlank()) {
                values.put(e.getKey(), v.strip());
            } else {
                problems.add(m.lineOf(e.getKey()), where + "." + e.getKey() + ": expected a name");
                ok = false;
            }
        }
        Optional<ObjectRef> ingress = ref(values, "canaryIngress", m, where, problems);
        Optional<ObjectRef> undo = Optional.ofNullable(values.get("undo")).flatMap(u -> undo(u, m, where, problems));
        ok &= ingress.isPresent() || !values.containsKey("canaryIngress");
        ok &= undo.isPresent() || !values.containsKey("undo");
        Optional<ObjectRef> stable = ref(values, "stable", m, where, problems);
        Optional<ObjectRef> canary = ref(values, "canary", m, where, problems);
        ok &= stable.isPresent() == values.containsKey("stable") && canary.isPresent() == values.containsKey("canary");
        boolean split = values.containsKey("stable") || values.containsKey("canary") || values.containsKey("replicas");
        if (split && !(stable.isPresent() && canary.isPresent() && values.containsKey("replicas"))) {
            problems.add(
                    m.line(),
                    where + ": stable, canary and replicas go together (the two Deployments and their total)");
            ok = false;
        }
        if (ok && ingress.isEmpty() && undo.isEmpty() && !split) {
            problems.add(
                    m.line(),
                    where + ": expected canaryIngress: NAME or stable + canary + replicas (traffic),"
                            + " or undo: deployment/NAME (rollback)");
            ok = false;
        }
        if (undo.isPresent() && !site.role().equals("rollback")) {
            problems.add(m.lineOf("undo"), where + ".undo: belongs under rollout.rollback");
            ok = false;
        }
        if (values.containsKey("namespace")
                && !ObjectRef.NAME.matcher(values.get("namespace")).matches()) {
            problems.add(
                    m.lineOf("namespace"),
                    where + ".namespace: '" + values.get("namespace") + "' is not a namespace name");
            ok = false;
        }
        if (!ok) {
            return Optional.empty();
        }
        KubeConfig connection = KubeConfig.connection(
                Optional.ofNullable(values.get("target")),
                values.get("kubeconfig"),
                values.get("context"),
                values.get("namespace"));
        Optional<KubeAction.Split> replicas = split
                ? Optional.of(
                        new KubeAction.Split(stable.get(), canary.get(), Integer.parseInt(values.get("replicas"))))
                : Optional.empty();
        return Optional.of(new KubeAction(connection, ingress, replicas, undo, site, clients, env, clock));
    }

    private static Optional<ObjectRef> ref(
            Map<String, String> values, String key, MapNode m, String where, Problems problems) {
        if (!values.containsKey(key)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ObjectRef.parse(where + "." + key, values.get(key)));
        } catch (IllegalArgumentException e) {
            problems.add(m.lineOf(key), e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<ObjectRef> undo(String written, MapNode m, String where, Problems problems) {
        String name = written.startsWith("deployment/")
                ? written.substring("deployment/".length())
                : written.startsWith("deployments/") ? written.substring("deployments/".length()) : null;
        if (name == null || !ObjectRef.NAME.matcher(name).matches()) {
            problems.add(m.lineOf("undo"), where + ".undo: '" + written + "' is not deployment/NAME");
            return Optional.empty();
        }
        return Optional.of(new ObjectRef(Optional.empty(), name));
    }
}
