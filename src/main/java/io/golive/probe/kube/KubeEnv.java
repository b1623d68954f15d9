package io.golive.probe.kube;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where a kubeconfig is looked for when a check names none: the process's {@code $KUBECONFIG}, the
 * user's home and the pod's service account. Injected so that tests control it.
 *
 * @param variables the environment ({@code KUBECONFIG}, {@code KUBERNETES_SERVICE_HOST})
 * @param home the user's home folder ({@code ~/.kube/config})
 * @param serviceAccount the folder a pod's service account token is mounted in
 */
record KubeEnv(Map<String, String> variables, Path home, Path serviceAccount) {
    KubeEnv {
        variables = Map.copyOf(requireNonNull(variables, "null variables"));
        requireNonNull(home, "null home");
        requireNonNull(serviceAccount, "null serviceAccount");
    }

    static KubeEnv system() {
        return new KubeEnv(
                System.getenv(),
                Path.of(System.getProperty("user.home", ".")),
                Path.of("/var/run/secrets/kubernetes.io/serviceaccount"));
    }

    Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name)).filter(v -> !v.isBlank());
    }

    /** Whether this process runs in a pod with a service account: the API server is at hand. */
    boolean inCluster() {
        return variable("KUBERNETES_SERVICE_HOST").isPresent() && Files.isReadable(serviceAccount.resolve("token"));
    }
}
