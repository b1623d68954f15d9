package io.golive.probe.kube;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.golive.rollout.ActionResult;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code undo: deployment/NAME}: what {@code kubectl rollout undo} does. Of the ReplicaSets the
 * Deployment owns, the newest before its current revision gives its pod template back to the
 * Deployment; the action then waits until that has rolled out.
 */
final class DeploymentUndo {
    static final String REVISION = "deployment.kubernetes.io/revision";

    private DeploymentUndo() {}

    /** What {@code kubectl rollout undo} does: the previous revision's pod template back on the Deployment. */
    static ActionResult run(KubeCall call, ObjectRef ref) throws KubeFailure {
        String ns = ref.namespaceOr(call.namespace());
        String shown = ref.shown(call.namespace());
        Deployment d = call.run(
                "read deployment " + shown,
                c -> c.apps().deployments().inNamespace(ns).withName(ref.name()).get());
        if (d == null) {
            return ActionResult.failed("deployment " + shown + " does not exist", "");
        }
        long current = revision(d.getMetadata().getAnnotations());
        List<ReplicaSet> owned = call
                .run(
                        "list the replica sets of " + shown,
                        c -> c.apps().replicaSets().inNamespace(ns).list())
                .getItems()
                .stream()
                .filter(rs -> rs.getMetadata().getOwnerReferences() != null
                        && rs.getMetadata().getOwnerReferences().stream()
                                .anyMatch(o -> d.getMetadata().getUid().equals(o.getUid())))
                .toList();
        Optional<ReplicaSet> previous = owned.stream()
                .filter(rs -> revision(rs.getMetadata().getAnnotations()) < current)
                .max(Comparator.comparingLong(rs -> revision(rs.getMetadata().getAnnotations())));
        if (previous.isEmpty()) {
            return ActionResult.failed(
                    "deployment " + shown + " has no previous revision to roll back to (revision " + current + ", "
                            + owned.size() + " replica sets)",
                    "");
        }
        PodTemplateSpec template = previous.get().getSpec().getTemplate();
        if (template.getMetadata() != null && template.getMetadata().getLabels() != null) {
            // The hash names the old ReplicaSet; the controller sets it again for the template it adopts.
            Map<String, String> labels =
                    new LinkedHashMap<>(template.getMetadata().getLabels());
            labels.remove("pod-template-hash");
            template.getMetadata().setLabels(labels);
        }
        long to = revision(previous.get().getMetadata().getAnnotations());
        String change = "deployment " + shown + " from revision " + current + " ("
                + images(d.getSpec().getTemplate()) + ") to revision " + to + " (" + images(template) + ")";
        Deployment patched = call.run(
                "roll back " + shown,
                c -> c.apps().deployments().inNamespace(ns).withName(ref.name()).edit(x -> {
                    x.getSpec().setTemplate(template);
                    return x;
                }));
        long generation = patched.getMetadata().getGeneration() == null
                ? 0
                : patched.getMetadata().getGeneration();
        String[] why = {"not read back"};
        boolean done = call.await(() -> {
            try {
                Deployment now = call.run(
                        "read deployment " + shown,
                        c -> c.apps()
                                .deployments()
                                .inNamespace(ns)
                                .withName(ref.name())
                                .get());
                Optional<String> waiting = now == null
                        ? Optional.of("deleted")
                        : Rollouts.deployment(now)
                                .or(() -> now.getStatus().getObservedGeneration() == null
                                                || now.getStatus().getObservedGeneration() < generation
                                        ? Optional.of("generation " + generation + " not observed")
                                        : Optional.empty());
                why[0] = waiting.orElse("");
                return waiting.isEmpty() && images(now.getSpec().getTemplate()).equals(images(template));
            } catch (KubeFailure f) {
                // A read cut short by the deadline says less than the state seen before it.
                why[0] = why[0].isEmpty() || why[0].equals("not read back") ? f.getMessage() : why[0];
                return false;
            }
        });
        return done
                ? ActionResult.ok("rolled back " + change + ", rolled out", change)
                : ActionResult.failed(
                        "rolled back " + change + " but it had not rolled out by the timeout: " + why[0], change);
    }

    private static String images(PodTemplateSpec t) {
        return String.join(
                ", ",
                t.getSpec().getContainers().stream().map(c -> c.getImage()).toList());
    }

    private static long revision(Map<String, String> annotations) {
        String r = KubeAction.annotation(annotations, REVISION);
        try {
            return r == null ? 0 : Long.parseLong(r.strip());
        } catch (NumberFormatException e) {
            return 0; // an unreadable revision is none: such a ReplicaSet is never the one rolled back to
        }
    }
}
