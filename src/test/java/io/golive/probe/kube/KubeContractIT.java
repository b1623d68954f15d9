package io.golive.probe.kube;

import io.golive.probe.Probe;
import io.golive.probe.ProbeContractTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The probe contract for {@code kubernetes}: deadline kept, no data never a pass, the token never shown. */
class KubeContractIT extends ProbeContractTest<KubeConfig> {
    private static Path dir;
    private static MockCluster cluster;

    @BeforeAll
    static void start() throws IOException {
        dir = Files.createTempDirectory("golive-kube-contract");
        cluster = MockCluster.start("v1.27.3");
        KubeObjects.certManagerCrds().forEach(cluster::seed);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Override
    protected Probe<KubeConfig> probe() {
        return new KubeProbe(new KubeClients(), new KubeEnv(Map.of(), dir.resolve("home"), dir.resolve("sa")));
    }

    @Override
    protected Optional<KubeConfig> silentServer(int port) {
        return Optional.of(config(
                "silent", "http://127.0.0.1:" + port, MockCluster.TOKEN, Map.of("namespaces", List.of("pager"))));
    }

    /** cert-manager is installed but namespace pager holds no Certificate. */
    @Override
    protected Optional<KubeConfig> noData() {
        return Optional.of(config("empty", cluster.url(), MockCluster.TOKEN, Map.of("certificates", List.of("pager"))));
    }

    @Override
    protected Optional<KubeConfig> withSecret(String secret) {
        return Optional.of(config("secret", cluster.url(), secret, Map.of("deployments", List.of("pager/" + "api"))));
    }

    private static KubeConfig config(String name, String server, String token, Map<String, Object> options) {
        try {
            Path file = MockCluster.writeKubeconfig(dir.resolve(name), server, token, "pager");
            Map<String, Object> values = new java.util.LinkedHashMap<>(options);
            values.put("kubeconfig", file.toString());
            return KubeRunner.config(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
