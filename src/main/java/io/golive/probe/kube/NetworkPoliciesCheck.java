package io.golive.probe.kube;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.golive.probe.Observation;
import java.util.List;

/** NetworkPolicies applied: an entry {@code ns} needs at least one there, {@code ns/name} that one. */
record NetworkPoliciesCheck(List<String> entries) implements KubeCheck {
    @Override
    public Observation run(KubeCall call) throws KubeFailure {
        Findings f = new Findings("networkPolicies", "applied");
        for (String written : entries) {
            ObjectRef ref = ObjectRef.parse("networkPolicies", written);
            if (ref.namespace().isEmpty()) {
                String ns = ref.name();
                List<NetworkPolicy> all = call.run(
                        "list network policies in " + ns,
                        c -> c.network()
                                .v1()
                                .networkPolicies()
                                .inNamespace(ns)
                                .list()
                                .getItems());
                if (all.isEmpty()) {
                    f.wanting("no NetworkPolicy in namespace " + ns);
                } else {
                    f.ok(ns + " (" + all.size() + ": "
                            + String.join(
                                    ", ",
                                    all.stream()
                                            .map(p -> p.getMetadata().getName())
                                            .toList()) + ")");
                }
                continue;
            }
            String shown = ref.shown("");
            NetworkPolicy p = call.run(
                    "read network policy " + shown,
                    c -> c.network()
                            .v1()
                            .networkPolicies()
                            .inNamespace(ref.namespace().get())
                            .withName(ref.name())
                            .get());
            if (p == null) {
                f.wanting(shown + " does not exist");
            } else {
                f.ok(shown);
            }
        }
        return f.observation();
    }
}
