package io.golive.probe.kube;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One {@code can} request as {@code kubectl auth can-i} takes it: {@code VERB RESOURCE[.GROUP][/SUB]
 * [NAME] [-n NS | -A]}, such as {@code create deployments -n pager} or {@code get secrets}.
 *
 * @param namespace the namespace asked about; empty with {@code -A} (all namespaces) or when the
 *     check's namespace applies ({@link #allNamespaces} tells which)
 */
record AccessRequest(
        String written,
        String verb,
        String group,
        String resource,
        Optional<String> subresource,
        Optional<String> name,
        Optional<String> namespace,
        boolean allNamespaces) {
    /** The API group of resources people name without one, as kubectl's discovery would find them. */
    private static final Map<String, String> GROUPS = Map.ofEntries(
            Map.entry("deployments", "apps"),
            Map.entry("statefulsets", "apps"),
            Map.entry("daemonsets", "apps"),
            Map.entry("replicasets", "apps"),
            Map.entry("jobs", "batch"),
            Map.entry("cronjobs", "batch"),
            Map.entry("ingresses", "networking.k8s.io"),
            Map.entry("ingressclasses", "networking.k8s.io"),
            Map.entry("networkpolicies", "networking.k8s.io"),
            Map.entry("horizontalpodautoscalers", "autoscaling"),
            Map.entry("roles", "rbac.authorization.k8s.io"),
            Map.entry("rolebindings", "rbac.authorization.k8s.io"),
            Map.entry("clusterroles", "rbac.authorization.k8s.io"),
            Map.entry("clusterrolebindings", "rbac.authorization.k8s.io"),
            Map.entry("storageclasses", "storage.k8s.io"),
            Map.entry("customresourcedefinitions", "apiextensions.k8s.io"),
            Map.entry("poddisruptionbudgets", "policy"),
            Map.entry("certificates", "cert-manager.io"),
            Map.entry("issuers", "cert-manager.io"),
            Map.entry("clusterissuers", "cert-manager.io"));

    /** Resources that live in no namespace: a review of them names none. */
    private static final Set<String> CLUSTER_SCOPED = Set.of(
            "namespaces",
            "nodes",
            "persistentvolumes",
            "storageclasses",
            "ingressclasses",
            "clusterroles",
            "clusterrolebindings",
            "customresourcedefinitions",
            "clusterissuers",
            "certificatesigningrequests");

    /** Short names and singulars people write, to the plural the API uses. */
    private static final Map<String, String> PLURALS = Map.ofEntries(
            Map.entry("deploy", "deployments"),
            Map.entry("deployment", "deployments"),
            Map.entry("sts", "statefulsets"),
            Map.entry("ds", "daemonsets"),
            Map.entry("rs", "replicasets"),
            Map.entry("ing", "ingresses"),
            Map.entry("netpol", "networkpolicies"),
            Map.entry("hpa", "horizontalpodautoscalers"),
            Map.entry("sc", "storageclasses"),
            Map.entry("crd", "customresourcedefinitions"),
            Map.entry("crds", "customresourcedefinitions"),
            Map.entry("pdb", "poddisruptionbudgets"),
            Map.entry("po", "pods"),
            Map.entry("pod", "pods"),
            Map.entry("svc", "services"),
            Map.entry("service", "services"),
            Map.entry("cm", "configmaps"),
            Map.entry("configmap", "configmaps"),
            Map.entry("secret", "secrets"),
            Map.entry("ns", "namespaces"),
            Map.entry("namespace", "namespaces"),
            Map.entry("sa", "serviceaccounts"),
            Map.entry("cert", "certificates"),
            Map.entry("certs", "certificates"));

    /**
     * Reads a request.
     *
     * @throws IllegalArgumentException naming the request and the form it should have
     */
    static AccessRequest parse(String written) {
        List<String> words = new ArrayList<>(
                List.of(written == null ? new String[0] : written.strip().split("\\s+")));
        Optional<String> namespace = Optional.empty();
        boolean all = false;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if ((w.equals("-n") || w.equals("--namespace")) && i + 1 < words.size()) {
                namespace = Optional.of(words.get(i + 1));
                words.subList(i, i + 2).clear();
                i--;
            } else if (w.startsWith("--namespace=")) {
                namespace = Optional.of(w.substring("--namespace=".length()));
                words.remove(i--);
            } else if (w.equals("-A") || w.equals("--all-namespaces")) {
                all = true;
                words.remove(i--);
            }
        }
        if (words.size() < 2
                || words.size() > 3
                || words.getFirst().startsWith("-")
                || namespace.filter(n -> !ObjectRef.NAME.matcher(n).matches()).isPresent()) {
            throw new IllegalArgumentException("can: '" + written
                    + "' is not a request (write it like \"create deployments -n pager\" or \"get secrets\")");
        }
        String verb = words.get(0).toLowerCase(Locale.ROOT);
        String[] resourceAndSub = words.get(1).toLowerCase(Locale.ROOT).split("/", 2);
        String[] resourceAndGroup = resourceAndSub[0].split("\\.", 2);
        String resource = PLURALS.getOrDefault(resourceAndGroup[0], resourceAndGroup[0]);
        String group = resourceAndGroup.length > 1 ? resourceAndGroup[1] : GROUPS.getOrDefault(resource, "");
        return new AccessRequest(
                written.strip(),
                verb,
                group,
                resource,
                resourceAndSub.length > 1 ? Optional.of(resourceAndSub[1]) : Optional.empty(),
                words.size() > 2 ? Optional.of(words.get(2)) : Optional.empty(),
                namespace,
                all);
    }

    /**
     * The namespace the review asks about: none for {@code -A} or a cluster-scoped resource, else the
     * written one, else the check's.
     */
    Optional<String> namespaceOr(String fallback) {
        return allNamespaces || CLUSTER_SCOPED.contains(resource)
                ? Optional.empty()
                : Optional.of(namespace.orElse(fallback));
    }
}
