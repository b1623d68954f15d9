package io.golive.probe.kube;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.golive.probe.ProbeContext;
import io.golive.rollout.Action;
import io.golive.rollout.ActionResult;
import io.golive.rollout.ActionSite;
import io.golive.spec.Secrets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A rollout action on a cluster: sets the canary weight of an ingress-nginx canary Ingress and reads
 * it back, or rolls a Deployment back to its previous ReplicaSet's pod template and waits until that
 * has rolled out. The guard's timeout bounds every call and every wait.
 */
final class KubeAction implements Action {
    static final String CANARY = "nginx.ingress.kubernetes.io/canary";
    static final String WEIGHT = "nginx.ingress.kubernetes.io/canary-weight";

    private final KubeConfig connection;
    private final Optional<ObjectRef> canaryIngress;
    private final Optional<Split> split;
    private final Optional<ObjectRef> undo;
    private final ActionSite site;
    private final KubeClients clients;
    private final KubeEnv env;
    private final Clock clock;

    /**
     * Traffic as replicas: the canary Deployment gets the weight's share of {@code total} (rounded up,
     * never 0 above weight 0), the stable one the rest.
     */
    record Split(ObjectRef stable, ObjectRef canary, int total) {
        int canaryReplicas(int weight) {
            return weight <= 0 ? 0 : Math.min(total, Math.max(1, (int) Math.ceil(total * weight / 100.0)));
        }
    }

    KubeAction(
            KubeConfig connection,
            Optional<ObjectRef> canaryIngress,
            Optional<Split> split,
            Optional<ObjectRef> undo,
            ActionSite site,
            KubeClients clients,
            KubeEnv env,
            Clock clock) {
        this.connection = connection;
        this.canaryIngress = canaryIngress;
        this.split = split;
        this.undo = undo;
        this.site = site;
        this.clients = clients;
        this.env = env;
        this.clock = clock;
    }

    @Override
    public ActionResult run(int weight, Duration timeout) {
        ProbeContext context = new ProbeContext(
                clock, clock.instant().plus(timeout), site.targets(), site.baseDir(), List.of(), site.secrets());
        KubeTarget.Loaded loaded;
        KubeCall call;
        try {
            KubeTarget target = KubeTarget.resolve(connection, context, env);
            loaded = target.load(env);
            call = new KubeCall(
                    clients.client(loaded).client(),
                    context,
                    loaded.config().getMasterUrl(),
                    loaded.namespace(target.namespace()));
        } catch (IllegalArgumentException e) {
            return ActionResult.failed(e.getMessage(), "");
        } catch (RuntimeException e) {
            return ActionResult.failed(
                    "cannot make a Kubernetes client (" + e.getClass().getSimpleName() + ")", "");
        }
        ActionResult r;
        try {
            if (undo.isPresent()) {
                r = DeploymentUndo.run(call, undo.get());
            } else if (split.isPresent()) {
                r = scale(call, split.get(), weight);
            } else {
                r = setWeight(call, canaryIngress.orElseThrow(), weight);
            }
        } catch (KubeFailure f) {
            r = ActionResult.failed(f.getMessage(), "");
        } catch (RuntimeException e) {
            r = ActionResult.failed(
                    "unreadable answer from the API server (" + e.getClass().getSimpleName() + ")", "");
        }
        List<String> secrets = new ArrayList<>(loaded.credentials());
        Secrets mask = new Secrets(secrets);
        return new ActionResult(
                r.ok(),
                site.secrets().mask(mask.mask(r.summary())),
                site.secrets().mask(mask.mask(r.output())));
    }

    private ActionResult setWeight(KubeCall call, ObjectRef ref, int weight) throws KubeFailure {
        String ns = ref.namespaceOr(call.namespace());
        String shown = ref.shown(call.namespace());
        Ingress i = call.run(
                "read ingress " + shown,
                c -> c.network()
                        .v1()
                        .ingresses()
                        .inNamespace(ns)
                        .withName(ref.name())
                        .get());
        if (i == null) {
            return ActionResult.failed("canary Ingress " + shown + " does not exist", "");
        }
        if (!"true".equals(annotation(i.getMetadata().getAnnotations(), CANARY))) {
            return ActionResult.failed(shown + " is not an ingress-nginx canary (" + CANARY + " is not \"true\")", "");
        }
        String before = annotation(i.getMetadata().getAnnotations(), WEIGHT);
        String value = Integer.toString(weight);
        call.run(
                "set the canary weight of " + shown,
                c -> c.network()
                        .v1()
                        .ingresses()
                        .inNamespace(ns)
                        .withName(ref.name())
                        .edit(x -> {
                            x.getMetadata().getAnnotations().put(WEIGHT, value);
                            return x;
                        }));
        boolean seen = call.await(() -> {
            try {
                Ingress back = call.run(
                        "read back ingress " + shown,
                        c -> c.network()
                                .v1()
                                .ingresses()
                                .inNamespace(ns)
                                .withName(ref.name())
                                .get());
                return back != null
                        && value.equals(annotation(back.getMetadata().getAnnotations(), WEIGHT));
            } catch (KubeFailure f) {
                return false;
            }
        });
        String change = WEIGHT + " " + (before == null ? "unset" : before) + " -> " + value + " on " + shown;
        return seen
                ? ActionResult.ok(change + ", read back", change)
                : ActionResult.failed(change + " was not read back before the timeout", change);
    }

    private ActionResult scale(KubeCall call, Split s, int weight) throws KubeFailure {
        int canary = s.canaryReplicas(weight);
        String change = "replicas " + s.canary().shown(call.namespace()) + "=" + canary + ", "
                + s.stable().shown(call.namespace()) + "=" + (s.total() - canary) + " (weight " + weight + ")";
        for (Map.Entry<ObjectRef, Integer> e :
                Map.of(s.canary(), canary, s.stable(), s.total() - canary).entrySet()) {
            ObjectRef ref = e.getKey();
            String shown = ref.shown(call.namespace());
            Deployment d = call.run("scale deployment " + shown, c -> {
                var op = c.apps()
                        .deployments()
                        .inNamespace(ref.namespaceOr(call.namespace()))
                        .withName(ref.name());
                return op.get() == null
                        ? null
                        : op.edit(x -> {
                            x.getSpec().setReplicas(e.getValue());
                            return x;
                        });
            });
            if (d == null) {
                return ActionResult.failed("deployment " + shown + " does not exist", change);
            }
        }
        String[] why = {""};
        boolean done = call.await(() -> ready(call, s.canary(), why) && ready(call, s.stable(), why));
        return done
                ? ActionResult.ok(change + ", ready", change)
                : ActionResult.failed(change + " but not ready by the timeout: " + why[0], change);
    }

    private static boolean ready(KubeCall call, ObjectRef ref, String[] why) {
        String shown = ref.shown(call.namespace());
        try {
            Deployment d = call.run(
                    "read deployment " + shown,
                    c -> c.apps()
                            .deployments()
                            .inNamespace(ref.namespaceOr(call.namespace()))
                            .withName(ref.name())
                            .get());
            Optional<String> waiting = d == null ? Optional.of("deleted") : Rollouts.deployment(d);
            why[0] = waiting.map(w -> shown + ": " + w).orElse("");
            return waiting.isEmpty();
        } catch (KubeFailure f) {
            why[0] = why[0].isEmpty() ? f.getMessage() : why[0];
            return false;
        }
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        connection.target().ifPresent(t -> m.put("target", t));
        Optional.ofNullable(connection.kubeconfig()).ifPresent(k -> m.put("kubeconfig", k));
        Optional.ofNullable(connection.context()).ifPresent(k -> m.put("context", k));
        Optional.ofNullable(connection.namespace()).ifPresent(k -> m.put("namespace", k));
        canaryIngress.ifPresent(i ->
                m.put("canaryIngress", i.namespace().map(n -> n + "/").orElse("") + i.name()));
        split.ifPresent(s -> {
            m.put(
                    "stable",
                    s.stable().namespace().map(n -> n + "/").orElse("")
                            + s.stable().name());
            m.put(
                    "canary",
                    s.canary().namespace().map(n -> n + "/").orElse("")
                            + s.canary().name());
            m.put("replicas", s.total());
        });
        undo.ifPresent(u -> m.put("undo", "deployment/" + u.name()));
        return Map.of("kubernetes", m);
    }

    static String annotation(Map<String, String> annotations, String key) {
        return annotations == null ? null : annotations.get(key);
    }
}
