package io.golive.probe.kube;

import io.fabric8.kubernetes.api.model.networking.v1.IngressClass;
import io.golive.probe.Observation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An ingress controller is installed: an IngressClass exists (the named one, or any with {@code "*"}),
 * and optionally it (or some class) is marked the cluster's default.
 *
 * @param name the class that must exist; empty or {@code "*"}: any
 */
record IngressClassCheck(Optional<String> name, boolean mustBeDefault) implements KubeCheck {
    static final String DEFAULT = "ingressclass.kubernetes.io/is-default-class";

    @Override
    public Observation run(KubeCall call) throws KubeFailure {
        List<IngressClass> classes = call.run(
                "list ingress classes",
                c -> c.network().v1().ingressClasses().list().getItems());
        List<String> names =
                classes.stream().map(k -> k.getMetadata().getName()).toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ingressClasses", classes.size());
        Optional<String> wanted = name.filter(n -> !n.equals("*"));
        List<IngressClass> candidates = wanted.map(w -> classes.stream()
                        .filter(k -> k.getMetadata().getName().equals(w))
                        .toList())
                .orElse(classes);
        if (classes.isEmpty()) {
            return Observation.fail("no IngressClass: no ingress controller is installed", m);
        }
        if (candidates.isEmpty()) {
            return Observation.fail(
                    "IngressClass " + wanted.get() + " does not exist (there are: " + String.join(", ", names) + ")",
                    m);
        }
        Optional<IngressClass> marked =
                candidates.stream().filter(IngressClassCheck::isDefault).findFirst();
        marked.ifPresent(k -> m.put("defaultIngressClass", k.getMetadata().getName()));
        String shown = describe(marked.orElse(candidates.getFirst()));
        if (mustBeDefault && marked.isEmpty()) {
            return Observation.fail(
                    wanted.map(w -> "IngressClass " + w + " is not").orElse("no IngressClass is")
                            + " marked the default (" + DEFAULT + ": \"true\")",
                    m);
        }
        return Observation.pass("IngressClass " + shown + (marked.isPresent() ? ", the default" : ""), m);
    }

    private static boolean isDefault(IngressClass k) {
        Map<String, String> a = k.getMetadata().getAnnotations();
        return a != null && "true".equals(a.get(DEFAULT));
    }

    private static String describe(IngressClass k) {
        String controller = k.getSpec() == null ? null : k.getSpec().getController();
        return k.getMetadata().getName() + (controller == null ? "" : " (" + controller + ")");
    }
}
