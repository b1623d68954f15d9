package io.golive.probe.kube;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerCondition;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerStatus;
import io.golive.probe.Observation;
import java.util.List;
import java.util.Optional;

/**
 * HorizontalPodAutoscalers that work: they exist, know their current metrics (the metrics pipeline
 * answers), are not refusing to scale, and keep min ≤ current replicas ≤ max.
 */
record HpaCheck(List<String> names) implements KubeCheck {
    @Override
    public Observation run(KubeCall call) throws KubeFailure {
        Findings f = new Findings("hpa", "scaling on current metrics");
        for (String written : names) {
            ObjectRef ref = ObjectRef.parse("hpa", written);
            String shown = ref.shown(call.namespace());
            HorizontalPodAutoscaler h = call.run(
                    "read hpa " + shown,
                    c -> c.autoscaling()
                            .v2()
                            .horizontalPodAutoscalers()
                            .inNamespace(ref.namespaceOr(call.namespace()))
                            .withName(ref.name())
                            .get());
            if (h == null) {
                f.wanting(shown + " does not exist");
                continue;
            }
            int min = h.getSpec().getMinReplicas() == null ? 1 : h.getSpec().getMinReplicas();
            int max = h.getSpec().getMaxReplicas() == null ? min : h.getSpec().getMaxReplicas();
            HorizontalPodAutoscalerStatus s = h.getStatus();
            Optional<HorizontalPodAutoscalerCondition> refusing = s == null || s.getConditions() == null
                    ? Optional.empty()
                    : s.getConditions().stream()
                            .filter(c -> "ScalingActive".equals(c.getType()) && "False".equals(c.getStatus()))
                            .findFirst();
            if (s == null
                    || s.getCurrentMetrics() == null
                    || s.getCurrentMetrics().isEmpty()) {
                f.wanting(shown + ": no current metrics (is the metrics server running?)"
                        + refusing.map(c -> " " + c.getReason() + ": " + c.getMessage())
                                .orElse(""));
            } else if (refusing.isPresent()) {
                f.wanting(shown + ": not scaling (" + refusing.get().getReason() + ": "
                        + refusing.get().getMessage() + ")");
            } else if (s.getCurrentReplicas() == null || s.getCurrentReplicas() < min || s.getCurrentReplicas() > max) {
                f.wanting(shown + ": " + s.getCurrentReplicas() + " replicas, outside " + min + ".." + max);
            } else {
                f.ok(shown + " (" + s.getCurrentReplicas() + " replicas in " + min + ".." + max + ")");
                if (names.size() == 1) {
                    f.measure("currentReplicas", s.getCurrentReplicas());
                    f.measure("minReplicas", min);
                    f.measure("maxReplicas", max);
                }
            }
        }
        return f.observation();
    }
}
