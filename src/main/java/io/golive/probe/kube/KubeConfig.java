package io.golive.probe.kube;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.golive.probe.ProbeConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A {@code kubernetes:} check. With none of the options it reads the API server's version (judged by
 * the bound item's version threshold, such as "(1.24+)", when it carries one); each option given adds
 * one verification, and the check passes when all of them do. Objects are named {@code ns/name}, or
 * {@code name} in the check's namespace.
 *
 * @param target a spec target holding {@code kubeconfig}, {@code context}, {@code namespace}
 * @param kubeconfig the kubeconfig file (relative to the spec's folder); default {@code $KUBECONFIG},
 *     then {@code ~/.kube/config}, then the in-cluster service account
 * @param context the kubeconfig context to use (default: its current context)
 * @param namespace the namespace for names written without one (default: the context's, else {@code default})
 * @param minVersion the least Kubernetes version of the API server ({@code 1.24})
 * @param namespaces namespaces that must exist and be Active
 * @param deployments Deployments that must be rolled out: observed, updated, ready = desired replicas
 * @param statefulSets StatefulSets, likewise
 * @param daemonSets DaemonSets: ready and updated on every node they should run on
 * @param hpa HorizontalPodAutoscalers that report current metrics, with min ≤ current replicas ≤ max
 * @param ingress Ingresses that have an address
 * @param ingressClass an IngressClass that must exist ({@code nginx}); {@code "*"}: any
 * @param defaultIngressClass an IngressClass (the named one, if given) is marked the cluster's default
 * @param certManager cert-manager's CRDs are established and its deployments in {@code cert-manager} ready
 * @param certificates cert-manager Certificates ({@code ns/name}, or {@code ns} for all of a namespace) Ready
 * @param minDaysValid the least days before a Certificate's {@code notAfter}
 * @param storageClasses StorageClasses that must exist
 * @param defaultStorageClass a StorageClass is marked the cluster's default
 * @param networkPolicies {@code ns} (at least one policy there) or {@code ns/name} (that policy exists)
 * @param can RBAC of the identity in use: a list of {@code "VERB RESOURCE [NAME] [-n NS]"} that must be
 *     allowed, or a mapping from such a request to {@code true} (allowed) or {@code false} (denied)
 * @param pods {@code ns} or {@code ns/label-selector}: pods there, none crash-looping or failing to pull
 * @param maxRestarts the most container restarts a pod of {@code pods} may have
 */
public record KubeConfig(
        Optional<String> target,
        String kubeconfig,
        String context,
        String namespace,
        String minVersion,

        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        List<String> namespaces,

        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        List<String> deployments,

        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        List<String> statefulSets,

        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        List<String> daemonSets,

        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        List<String> hpa,

        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        List<String> ingress,

        String ingressClass,
        Boolean defaultIngressClass,
        Boolean certManager,

        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        List<String> certificates,

        Integer minDaysValid,

        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        List<String> storageClasses,

        Boolean defaultStorageClass,

        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        List<String> networkPolicies,

        Object can,

        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        List<String> pods,

        Integer maxRestarts)
        implements ProbeConfig {
    private static final Pattern VERSION = Pattern.compile("v?\\d+(\\.\\d+){0,2}");

    public KubeConfig {
        target = target == null ? Optional.empty() : target;
        namespaces = list(namespaces);
        deployments = list(deployments);
        statefulSets = list(statefulSets);
        daemonSets = list(daemonSets);
        hpa = list(hpa);
        ingress = list(ingress);
        certificates = list(certificates);
        storageClasses = list(storageClasses);
        networkPolicies = list(networkPolicies);
        pods = list(pods);
        defaultIngressClass = Boolean.TRUE.equals(defaultIngressClass);
        certManager = Boolean.TRUE.equals(certManager);
        defaultStorageClass = Boolean.TRUE.equals(defaultStorageClass);
    }

    /** Only where to connect: what a rollout action of kind {@code kubernetes} needs of a check's keys. */
    static KubeConfig connection(Optional<String> target, String kubeconfig, String context, String namespace) {
        return new KubeConfig(
                target,
                kubeconfig,
                context,
                namespace,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    @Override
    public List<String> validate() {
        List<String> problems = new ArrayList<>();
        if (target.isPresent() && kubeconfig != null) {
            problems.add("give either target or kubeconfig, not both");
        }
        if (namespace != null && !ObjectRef.NAME.matcher(namespace).matches()) {
            problems.add("namespace: '" + namespace + "' is not a namespace name");
        }
        if (minVersion != null && !VERSION.matcher(minVersion.strip()).matches()) {
            problems.add("minVersion: '" + minVersion + "' is not a version (write it like 1.24)");
        }
        names(problems, "namespaces", namespaces);
        refs(problems, "deployments", deployments);
        refs(problems, "statefulSets", statefulSets);
        refs(problems, "daemonSets", daemonSets);
        refs(problems, "hpa", hpa);
        refs(problems, "ingress", ingress);
        refs(problems, "certificates", certificates);
        refs(problems, "networkPolicies", networkPolicies);
        names(problems, "storageClasses", storageClasses);
        if (ingressClass != null
                && !ingressClass.equals("*")
                && !ObjectRef.NAME.matcher(ingressClass).matches()) {
            problems.add("ingressClass: '" + ingressClass + "' is not a name (or \"*\" for any)");
        }
        if (minDaysValid != null && (minDaysValid < 0 || certificates.isEmpty())) {
            problems.add("minDaysValid needs certificates and must be 0 or more");
        }
        for (String p : pods) {
            try {
                PodSelection.parse(p);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (maxRestarts != null && (maxRestarts < 0 || pods.isEmpty())) {
            problems.add("maxRestarts needs pods and must be 0 or more");
        }
        try {
            accessRequests();
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        return problems;
    }

    /** The {@code can} requests with the answer each expects, in the order written. */
    Map<AccessRequest, Boolean> accessRequests() {
        Map<AccessRequest, Boolean> out = new LinkedHashMap<>();
        switch (can) {
            case null -> {}
            case String s -> out.put(AccessRequest.parse(s), true);
            case List<?> l -> l.forEach(v -> out.put(AccessRequest.parse(String.valueOf(v)), true));
            case Map<?, ?> m -> m.forEach((k, v) -> out.put(AccessRequest.parse(String.valueOf(k)), expected(k, v)));
            default ->
                throw new IllegalArgumentException(
                        "can: expected a list of requests such as \"create deployments -n pager\", or a mapping of them"
                                + " to true or false");
        }
        return out;
    }

    @Override
    public String toString() {
        return "KubeConfig["
                + target.map(t -> "target " + t).orElse(kubeconfig == null ? "default kubeconfig" : kubeconfig) + "]";
    }

    private static boolean expected(Object request, Object answer) {
        if (answer instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException(
                "can: '" + request + "': expected true (allowed) or false (denied), got '" + answer + "'");
    }

    private static void refs(List<String> problems, String key, List<String> values) {
        for (String v : values) {
            try {
                ObjectRef.parse(key, v);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
    }

    private static void names(List<String> problems, String key, List<String> values) {
        for (String v : values) {
            if (v == null || !ObjectRef.NAME.matcher(v).matches()) {
                problems.add(key + ": '" + v + "' is not a name (lower case letters, digits, '-' and '.')");
            }
        }
    }

    private static List<String> list(List<String> values) {
        // Nulls are kept so that validate() can name them ("namespaces: 'null' is not a name").
        return values == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(values));
    }
}
