package io.golive.probe.kube;

import io.golive.probe.Observation;
import java.util.List;
import java.util.Optional;

/** Deployments, StatefulSets or DaemonSets that must have rolled out (see {@link Rollouts}). */
record WorkloadsCheck(Kind kind, List<String> names) implements KubeCheck {
    /** The workload kinds, by the option that names them. */
    enum Kind {
        DEPLOYMENTS("deployments", "deployment"),
        STATEFUL_SETS("statefulSets", "statefulset"),
        DAEMON_SETS("daemonSets", "daemonset");

        final String key;
        final String noun;

        Kind(String key, String noun) {
            this.key = key;
            this.noun = noun;
        }
    }

    @Override
    public Observation run(KubeCall call) throws KubeFailure {
        Findings f = new Findings(kind.key, "rolled out and ready");
        for (String written : names) {
            ObjectRef ref = ObjectRef.parse(kind.key, written);
            String ns = ref.namespaceOr(call.namespace());
            String shown = ref.shown(call.namespace());
            Optional<Optional<String>> verdict =
                    call.run("read " + kind.noun + " " + shown, c -> readiness(c, ns, ref.name()));
            if (verdict.isEmpty()) {
                f.wanting(shown + " does not exist");
            } else if (verdict.get().isPresent()) {
                f.wanting(shown + ": " + verdict.get().get());
            } else {
                f.ok(shown);
            }
        }
        return f.observation();
    }

    /** Empty when the object does not exist; else why it has not rolled out, or empty when it has. */
    private Optional<Optional<String>> readiness(
            io.fabric8.kubernetes.client.KubernetesClient c, String ns, String name) {
        return switch (kind) {
            case DEPLOYMENTS ->
                Optional.ofNullable(c.apps()
                                .deployments()
                                .inNamespace(ns)
                                .withName(name)
                                .get())
                        .map(Rollouts::deployment);
            case STATEFUL_SETS ->
                Optional.ofNullable(c.apps()
                                .statefulSets()
                                .inNamespace(ns)
                                .withName(name)
                                .get())
                        .map(Rollouts::statefulSet);
            case DAEMON_SETS ->
                Optional.ofNullable(c.apps()
                                .daemonSets()
                                .inNamespace(ns)
                                .withName(name)
                                .get())
                        .map(Rollouts::daemonSet);
        };
    }
}
