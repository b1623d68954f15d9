package io.golive.probe.kube;

import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.golive.probe.Observation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** StorageClasses that must exist, and optionally one marked the cluster's default. */
record StorageClassesCheck(List<String> names, boolean mustHaveDefault) implements KubeCheck {
    private static final List<String> DEFAULT =
            List.of("storageclass.kubernetes.io/is-default-class", "storageclass.beta.kubernetes.io/is-default-class");

    @Override
    public Observation run(KubeCall call) throws KubeFailure {
        List<StorageClass> classes = call.run(
                "list storage classes",
                c -> c.storage().v1().storageClasses().list().getItems());
        List<String> present =
                classes.stream().map(k -> k.getMetadata().getName()).toList();
        Optional<String> marked = classes.stream()
                .filter(StorageClassesCheck::isDefault)
                .map(k -> k.getMetadata().getName())
                .findFirst();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("storageClasses", classes.size());
        marked.ifPresent(d -> m.put("defaultStorageClass", d));
        List<String> missing = names.stream().filter(n -> !present.contains(n)).toList();
        List<String> wanting = new ArrayList<>();
        if (classes.isEmpty()) {
            wanting.add("no StorageClass exists");
        } else if (!missing.isEmpty()) {
            wanting.add("StorageClass " + String.join(", ", missing) + " does not exist (there are: "
                    + String.join(", ", present) + ")");
        }
        if (mustHaveDefault && marked.isEmpty() && !classes.isEmpty()) {
            wanting.add("no StorageClass is marked the default (" + DEFAULT.getFirst() + ": \"true\")");
        }
        if (!wanting.isEmpty()) {
            return Observation.fail(String.join("; ", wanting), m);
        }
        return Observation.pass(
                "StorageClasses " + String.join(", ", present)
                        + marked.map(d -> " (default " + d + ")").orElse(""),
                m);
    }

    private static boolean isDefault(StorageClass k) {
        Map<String, String> a = k.getMetadata().getAnnotations();
        return a != null && DEFAULT.stream().anyMatch(key -> "true".equals(a.get(key)));
    }
}
