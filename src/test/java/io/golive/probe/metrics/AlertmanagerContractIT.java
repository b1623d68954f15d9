package io.golive.probe.metrics;

import io.golive.probe.ProbeContractTest;
import java.nio.file.Files;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The probe contract for alertmanager, against a real Alertmanager. */
class AlertmanagerContractIT extends ProbeContractTest<AlertmanagerConfig> {
    private static WebhookSink sink;
    private static AlertmanagerServer alertmanager;

    @BeforeAll
    static void start() throws Exception {
        sink = new WebhookSink();
        alertmanager = AlertmanagerServer.start(Files.createTempDirectory("golive-alertmanager-contract"), sink);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (alertmanager != null) {
            alertmanager.close();
        }
        if (sink != null) {
            sink.close();
        }
    }

    private static AlertmanagerConfig config(String yaml) {
        return YAMLMapper.builder().build().readValue(yaml, AlertmanagerConfig.class);
    }

    @Override
    protected AlertmanagerProbe probe() {
        return new AlertmanagerProbe();
    }

    @Override
    protected Optional<AlertmanagerConfig> silentServer(int port) {
        return Optional.of(config("{url: \"http://127.0.0.1:" + port + "\", receiver: oncall, sendTest: true}"));
    }

    @Override
    protected Optional<AlertmanagerConfig> noData() {
        // A test alert routed to a receiver that never records it: no proof of delivery is not a pass.
        return Optional.of(config("{url: \"" + alertmanager.url() + "\", receiver: dead, sendTest: true, timeout: 2s,"
                + " labels: {team: nowhere}, deliveredUrl: \"" + sink.deliveriesUrl("dead") + "\"}"));
    }

    @Override
    protected Optional<AlertmanagerConfig> withSecret(String secret) {
        return Optional.of(config("{url: \"" + alertmanager.url()
                + "\", receiver: oncall, sendTest: true, labels: {team: payments}," + " headers: {X-Api-Key: \""
                + secret + "\"}, deliveredUrl: \"" + sink.deliveriesUrl("oncall") + "\"}"));
    }
}
