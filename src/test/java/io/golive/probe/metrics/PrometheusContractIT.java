package io.golive.probe.metrics;

import io.golive.probe.ProbeContractTest;
import java.nio.file.Files;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The probe contract for prometheus, against a real Prometheus. */
class PrometheusContractIT extends ProbeContractTest<PrometheusConfig> {
    private static AppMetrics app;
    private static PrometheusServer prometheus;

    @BeforeAll
    static void start() throws Exception {
        app = new AppMetrics();
        prometheus = PrometheusServer.start(Files.createTempDirectory("golive-prometheus-contract"), app.port());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (prometheus != null) {
            prometheus.close();
        }
        if (app != null) {
            app.close();
        }
    }

    private static PrometheusConfig config(String yaml) {
        return YAMLMapper.builder().build().readValue(yaml, PrometheusConfig.class);
    }

    @Override
    protected PrometheusProbe probe() {
        return new PrometheusProbe();
    }

    @Override
    protected Optional<PrometheusConfig> silentServer(int port) {
        return Optional.of(config("{url: \"http://127.0.0.1:" + port + "\", query: up, expect: \"= 1\"}"));
    }

    @Override
    protected Optional<PrometheusConfig> noData() {
        return Optional.of(config("{url: \"" + prometheus.url() + "\", query: golive_absent_metric, expect: \"< 1\"}"));
    }

    @Override
    protected Optional<PrometheusConfig> withSecret(String secret) {
        return Optional.of(
                config("{url: \"" + prometheus.url() + "\", query: \"vector(1)\", expect: \"= 1\", rule: Missing,"
                        + " headers: {Authorization: \"Bearer " + secret + "\"}}"));
    }
}
