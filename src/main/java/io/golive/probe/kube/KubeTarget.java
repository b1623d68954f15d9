package io.golive.probe.kube;

import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import io.golive.probe.KeyedPool;
import io.golive.probe.ProbeContext;
import io.golive.spec.Target;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The cluster a check talks to: a kubeconfig file and context (or the pod's service account), read into
 * the client's configuration. Whatever goes wrong is an {@link IllegalArgumentException} whose message
 * names the file, never the file's credentials.
 *
 * @param file the kubeconfig; empty for in-cluster
 * @param context the context asked for, if any
 * @param namespace the namespace asked for by the check or its target, if any
 */
record KubeTarget(Optional<Path> file, Optional<String> context, Optional<String> namespace) {
    /** The check's own keys win over its target's; the environment fills what neither gives. */
    static KubeTarget resolve(KubeConfig c, ProbeContext context, KubeEnv env) {
        Optional<Target> t = c.target()
                .map(name -> context.target(name)
                        .orElseThrow(() -> new IllegalArgumentException("no target '" + name + "'")));
        Optional<String> written = Optional.ofNullable(c.kubeconfig()).or(() -> t.flatMap(x -> x.string("kubeconfig")));
        Optional<String> ctx = Optional.ofNullable(c.context()).or(() -> t.flatMap(x -> x.string("context")));
        Optional<String> ns = Optional.ofNullable(c.namespace()).or(() -> t.flatMap(x -> x.string("namespace")));
        Optional<Path> file = written.map(w -> expand(w, env).isAbsolute()
                        ? expand(w, env)
                        : context.baseDir().resolve(expand(w, env)))
                .or(() -> env.variable("KUBECONFIG").map(v -> Path.of(v.split(File.pathSeparator)[0])))
                .or(() -> Optional.of(env.home().resolve(".kube/config")).filter(Files::exists));
        if (file.isEmpty() && !env.inCluster()) {
            throw new IllegalArgumentException(
                    "no kubeconfig: $KUBECONFIG is not set, " + env.home().resolve(".kube/config")
                            + " does not exist and this is not a pod with a service account (give kubeconfig:)");
        }
        return new KubeTarget(file.map(Path::normalize), ctx, ns);
    }

    /** The client's configuration from the file and context (or the service account). */
    Loaded load(KubeEnv env) {
        if (file.isEmpty()) {
            Config config = Config.autoConfigure(context.orElse(null));
            return new Loaded(config, "in-cluster", "service account " + env.serviceAccount());
        }
        Path p = file.get();
        byte[] bytes = read(p);
        io.fabric8.kubernetes.api.model.Config parsed;
        try {
            parsed = KubeConfigUtils.parseConfigFromString(new String(bytes, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "kubeconfig " + p + " is not a kubeconfig (YAML with clusters, contexts and users)");
        }
        List<String> names = Stream.ofNullable(parsed.getContexts())
                .flatMap(List::stream)
                .map(NamedContext::getName)
                .toList();
        String chosen = context.orElse(parsed.getCurrentContext());
        if (chosen == null || chosen.isBlank()) {
            throw new IllegalArgumentException("kubeconfig " + p + " sets no current-context; give context: (one of "
                    + String.join(", ", names) + ")");
        }
        if (!names.contains(chosen)) {
            throw new IllegalArgumentException("kubeconfig " + p + " has no context '" + chosen + "' (it has: "
                    + (names.isEmpty() ? "none" : String.join(", ", names)) + ")");
        }
        Config config;
        try {
            config = Config.fromKubeconfig(chosen, p.toFile());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("kubeconfig " + p + ", context " + chosen + ": cannot be used ("
                    + e.getClass().getSimpleName() + ")");
        }
        if (config.getMasterUrl() == null || config.getMasterUrl().isBlank()) {
            throw new IllegalArgumentException("kubeconfig " + p + ", context " + chosen + " names no cluster server");
        }
        // The file's content is in the key, so that an edited kubeconfig gets a new client; only as a digest.
        String key = KeyedPool.key(p + "\u0000" + chosen, new String(bytes, StandardCharsets.ISO_8859_1));
        return new Loaded(config, key, "kubeconfig " + p + ", context " + chosen);
    }

    /**
     * A configuration ready for a client.
     *
     * @param key identifies the cluster and credentials for client reuse (secrets only as a digest)
     * @param display where the check ran, for evidence ("kubeconfig /home/x/.kube/config, context prod")
     */
    record Loaded(Config config, String key, String display) {
        /** The credentials the configuration carries, to be masked wherever text is shown. */
        List<String> credentials() {
            List<String> out = new ArrayList<>();
            Stream.of(
                            config.getOauthToken(),
                            config.getPassword(),
                            config.getClientKeyData(),
                            config.getClientKeyPassphrase(),
                            config.getAutoOAuthToken())
                    .filter(s -> s != null && !s.isBlank())
                    .forEach(out::add);
            return out;
        }

        /** The namespace for names written without one: the check's, else the context's, else default. */
        String namespace(Optional<String> asked) {
            return asked.or(() -> Optional.ofNullable(config.getNamespace()).filter(n -> !n.isBlank()))
                    .orElse("default");
        }
    }

    private static Path expand(String written, KubeEnv env) {
        return written.equals("~") || written.startsWith("~/")
                ? env.home().resolve(written.length() > 2 ? written.substring(2) : "")
                : Path.of(written);
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("kubeconfig " + p + " does not exist");
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException("kubeconfig " + p + " cannot be read: permission denied");
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "kubeconfig " + p + " cannot be read: " + e.getClass().getSimpleName());
        }
    }
}
