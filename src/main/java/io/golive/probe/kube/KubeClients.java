package io.golive.probe.kube;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Kubernetes client per cluster and credentials, so that the checks of a run against one API
 * server share its HTTP connections instead of opening their own. The least recently used client is
 * closed past a few, and all of them when the JVM exits.
 */
final class KubeClients implements AutoCloseable {
    private static final int MAX_CLIENTS = 8;
    /** The client's own bound on connecting; each call is further bounded by its check's deadline. */
    private static final int CONNECT_TIMEOUT_MS = 10_000;

    private final Map<String, KubernetesClient> clients = new LinkedHashMap<>(16, 0.75f, true);
    private final AtomicInteger opened = new AtomicInteger();

    /** Clients shared by the whole JVM, closed when it exits. */
    static KubeClients shared() {
        KubeClients c = new KubeClients();
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(c::close));
        return c;
    }

    /**
     * The client for this configuration: the one made earlier for the same key, else a new one.
     *
     * @return the client and whether it served an earlier check
     */
    synchronized Lease client(KubeTarget.Loaded loaded) {
        KubernetesClient c = clients.get(loaded.key());
        if (c != null) {
            return new Lease(c, true, opened.get());
        }
        Config config = loaded.config();
        config.setConnectionTimeout(CONNECT_TIMEOUT_MS);
        // A gate must answer by its deadline: no retries with back-off behind the check's back.
        config.setRequestRetryBackoffLimit(0);
        c = new KubernetesClientBuilder()
                .withConfig(config)
                .withHttpClientFactory(new JdkHttpClientFactory())
                .build();
        clients.put(loaded.key(), c);
        opened.incrementAndGet();
        if (clients.size() > MAX_CLIENTS) {
            var eldest = clients.entrySet().iterator();
            eldest.next().getValue().close();
            eldest.remove();
        }
        return new Lease(c, false, opened.get());
    }

    /** How many clients were made since this cache was. */
    int opened() {
        return opened.get();
    }

    @Override
    public synchronized void close() {
        clients.values().forEach(KubernetesClient::close);
        clients.clear();
    }

    /** A client for one check; it stays open for the next. */
    record Lease(KubernetesClient client, boolean reused, int opened) {
        String describe() {
            return (reused ? "reused" : "new") + " client (" + opened + " made in this process)";
        }
    }
}
