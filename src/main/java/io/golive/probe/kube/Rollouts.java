package io.golive.probe.kube;

import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatus;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import java.util.Optional;

/**
 * Whether a workload has rolled out, as {@code kubectl rollout status} decides it: the controller has
 * seen the newest spec (observedGeneration ≥ generation), and updated = ready = desired replicas with
 * no old replicas left. Each method gives the reason it has not, or empty when it has.
 */
final class Rollouts {
    private Rollouts() {}

    static Optional<String> deployment(Deployment d) {
        int desired = d.getSpec() == null || d.getSpec().getReplicas() == null
                ? 1
                : d.getSpec().getReplicas();
        DeploymentStatus s = d.getStatus();
        if (s == null) {
            return Optional.of("no status yet (0/" + desired + " ready)");
        }
        Optional<String> observed = observed(d.getMetadata().getGeneration(), s.getObservedGeneration());
        if (observed.isPresent()) {
            return observed;
        }
        int updated = n(s.getUpdatedReplicas());
        int ready = n(s.getReadyReplicas());
        int available = s.getAvailableReplicas() == null ? ready : s.getAvailableReplicas();
        int total = n(s.getReplicas());
        if (updated < desired) {
            return Optional.of(updated + " of " + desired + " replicas updated to the newest ReplicaSet");
        }
        if (total > updated) {
            return Optional.of((total - updated) + " old replicas pending termination");
        }
        if (ready < desired || available < desired) {
            return Optional.of(Math.min(ready, available) + "/" + desired + " ready");
        }
        return Optional.empty();
    }

    static Optional<String> statefulSet(StatefulSet st) {
        int desired = st.getSpec() == null || st.getSpec().getReplicas() == null
                ? 1
                : st.getSpec().getReplicas();
        StatefulSetStatus s = st.getStatus();
        if (s == null) {
            return Optional.of("no status yet (0/" + desired + " ready)");
        }
        Optional<String> observed = observed(st.getMetadata().getGeneration(), s.getObservedGeneration());
        if (observed.isPresent()) {
            return observed;
        }
        int updated = n(s.getUpdatedReplicas());
        int ready = n(s.getReadyReplicas());
        if (updated < desired) {
            return Optional.of(updated + " of " + desired + " replicas updated to revision " + s.getUpdateRevision());
        }
        if (ready < desired) {
            return Optional.of(ready + "/" + desired + " ready");
        }
        return Optional.empty();
    }

    static Optional<String> daemonSet(DaemonSet ds) {
        DaemonSetStatus s = ds.getStatus();
        if (s == null) {
            return Optional.of("no status yet");
        }
        Optional<String> observed = observed(ds.getMetadata().getGeneration(), s.getObservedGeneration());
        if (observed.isPresent()) {
            return observed;
        }
        int desired = n(s.getDesiredNumberScheduled());
        int updated = n(s.getUpdatedNumberScheduled());
        int ready = n(s.getNumberReady());
        if (desired == 0) {
            return Optional.of("scheduled on no node");
        }
        if (updated < desired) {
            return Optional.of(updated + " of " + desired + " nodes updated");
        }
        if (ready < desired) {
            return Optional.of(ready + "/" + desired + " ready");
        }
        return Optional.empty();
    }

    private static Optional<String> observed(Long generation, Long observed) {
        if (generation != null && (observed == null || observed < generation)) {
            return Optional.of("not rolled out: the controller has not seen generation " + generation + " (observed "
                    + (observed == null ? "none" : observed) + ")");
        }
        return Optional.empty();
    }

    private static int n(Integer v) {
        return v == null ? 0 : v;
    }
}
