package io.golive.probe.kube;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.golive.probe.Observation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Pods that run: there are some, none waits in CrashLoopBackOff, ImagePullBackOff or another state a
 * pod does not leave by itself, none has Failed, and none restarted more than {@code maxRestarts}.
 */
record PodsCheck(List<String> entries, Optional<Integer> maxRestarts) implements KubeCheck {
    /** Waiting reasons that mean the pod is stuck, not starting. */
    static final Set<String> STUCK = Set.of(
            "CrashLoopBackOff",
            "ImagePullBackOff",
            "ErrImagePull",
            "InvalidImageName",
            "CreateContainerConfigError",
            "CreateContainerError",
            "RunContainerError");

    private static final int SHOWN = 5;

    @Override
    public Observation run(KubeCall call) throws KubeFailure {
        Findings f = new Findings("pods", "running");
        int total = 0;
        int mostRestarts = 0;
        int stuck = 0;
        for (String written : entries) {
            PodSelection sel = PodSelection.parse(written);
            String ns = sel.namespace().orElse(call.namespace());
            String shown = sel.shown(call.namespace());
            List<Pod> pods = call.run(
                    "list pods in " + shown,
                    c -> c.pods()
                            .inNamespace(ns)
                            .list(new ListOptionsBuilder()
                                    .withLabelSelector(sel.selector().orElse(null))
                                    .build())
                            .getItems());
            if (pods.isEmpty()) {
                f.wanting("no pods in " + shown);
                continue;
            }
            total += pods.size();
            List<String> wanting = new ArrayList<>();
            for (Pod p : pods) {
                int restarts = statuses(p)
                        .mapToInt(s -> s.getRestartCount() == null ? 0 : s.getRestartCount())
                        .sum();
                mostRestarts = Math.max(mostRestarts, restarts);
                Optional<String> why = problem(p, restarts);
                if (why.isPresent()) {
                    wanting.add(p.getMetadata().getName() + " " + why.get());
                    stuck++;
                }
            }
            if (wanting.isEmpty()) {
                f.ok(shown + " (" + pods.size() + ")");
            } else {
                f.wanting(wanting.size() + " of " + pods.size() + " pods in " + shown + ": "
                        + String.join(", ", wanting.subList(0, Math.min(SHOWN, wanting.size())))
                        + (wanting.size() > SHOWN ? ", ..." : ""));
            }
        }
        f.measure("podCount", total);
        f.measure("podsFailing", stuck);
        f.measure("restartsMax", mostRestarts);
        return f.observation();
    }

    private Optional<String> problem(Pod p, int restarts) {
        Optional<String> waiting = statuses(p)
                .filter(s -> s.getState() != null && s.getState().getWaiting() != null)
                .map(s -> s.getState().getWaiting().getReason())
                .filter(STUCK::contains)
                .findFirst();
        if (waiting.isPresent()) {
            return Optional.of("is in " + waiting.get());
        }
        String phase = p.getStatus() == null ? null : p.getStatus().getPhase();
        if ("Failed".equals(phase) || "Unknown".equals(phase)) {
            return Optional.of("is " + phase);
        }
        if (maxRestarts.isPresent() && restarts > maxRestarts.get()) {
            return Optional.of("restarted " + restarts + " times (> " + maxRestarts.get() + ")");
        }
        return Optional.empty();
    }

    private static Stream<ContainerStatus> statuses(Pod p) {
        if (p.getStatus() == null) {
            return Stream.empty();
        }
        return Stream.concat(
                Stream.ofNullable(p.getStatus().getInitContainerStatuses()).flatMap(List::stream),
                Stream.ofNullable(p.getStatus().getContainerStatuses()).flatMap(List::stream));
    }
}
