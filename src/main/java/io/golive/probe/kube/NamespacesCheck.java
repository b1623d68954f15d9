package io.golive.probe.kube;

import io.fabric8.kubernetes.api.model.Namespace;
import io.golive.probe.Observation;
import java.util.List;

/** Namespaces that must exist and be Active (not Terminating). */
record NamespacesCheck(List<String> names) implements KubeCheck {
    @Override
    public Observation run(KubeCall call) throws KubeFailure {
        Findings f = new Findings("namespaces", "Active");
        for (String name : names) {
            Namespace ns = call.run(
                    "read namespace " + name, c -> c.namespaces().withName(name).get());
            String phase =
                    ns == null || ns.getStatus() == null ? null : ns.getStatus().getPhase();
            if (ns == null) {
                f.wanting(name + " does not exist");
            } else if (!"Active".equals(phase)) {
                f.wanting(name + " is " + (phase == null ? "in no phase" : phase));
            } else {
                f.ok(name);
            }
        }
        return f.observation();
    }
}
