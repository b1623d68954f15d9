package io.golive.probe.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.probe.Observation;
import io.golive.probe.Status;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The alertmanager probe against a real Alertmanager routing to a webhook receiver served by the test. */
class AlertmanagerProbeIT {
    private static WebhookSink sink;
    private static AlertmanagerServer alertmanager;

    private final AlertmanagerProbe probe = new AlertmanagerProbe();

    @BeforeAll
    static void start() throws Exception {
        sink = new WebhookSink();
        alertmanager = AlertmanagerServer.start(Files.createTempDirectory("golive-alertmanager"), sink);
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

    private Observation run(String fields) {
        String yaml = "{url: \"" + alertmanager.url() + "\"" + (fields.isEmpty() ? "" : ", " + fields) + "}";
        return probe.run(
                Probes.config(AlertmanagerConfig.class, yaml), Probes.context(Duration.ofSeconds(20), List.of()));
    }

    @Test
    void anAlertmanagerThatAnswersPassesWithItsVersion() {
        Observation o = run("");
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.summary()).startsWith("Alertmanager 0.").endsWith(" up (cluster disabled)");
    }

    @Test
    void aConfiguredAndRoutedReceiverPasses() {
        Observation o = run("receiver: oncall");
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.summary()).isEqualTo("receiver 'oncall' is configured and routed to (4 receivers)");
        assertThat(o.measurements())
                .containsEntry("version", "0.25.0")
                .containsEntry("receiverFound", true)
                .containsEntry("routed", true)
                .containsEntry("receivers", "dead, default, oncall, unused");
    }

    @Test
    void aMissingReceiverFailsAndNamesTheConfiguredOnes() {
        Observation o = run("receiver: pagerduty");
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary()).isEqualTo("no receiver 'pagerduty' (configured: dead, default, oncall, unused)");
    }

    @Test
    void aReceiverNoRouteNamesFails() {
        Observation o = run("receiver: unused");
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary())
                .isEqualTo("receiver 'unused' is configured but no route sends alerts to it (routes go"
                        + " to: dead, default, oncall)");
    }

    @Test
    void aTestAlertIsDeliveredAndTheReceiverSawItThenItIsResolved() throws InterruptedException {
        Observation o = run("receiver: oncall, sendTest: true, labels: {team: payments}, deliveredUrl: \""
                + sink.deliveriesUrl("oncall") + "\"");
        assertThat(o.status()).as(o.summary()).isEqualTo(Status.PASS);
        assertThat(o.summary())
                .startsWith("receiver 'oncall' is configured and routed to (4 receivers); test alert delivered to"
                        + " receiver 'oncall' in ")
                .endsWith("the receiver's record (deliveredUrl) shows it");
        String id = (String) o.measurements().get("alertId");
        assertThat(sink.deliveries("oncall")).anyMatch(body -> body.contains(id));
        assertThat(o.measurements()).containsEntry("delivered", true).containsEntry("routedTo", "oncall");
        assertThat(o.evidence().get("resolved")).startsWith("resolved at ");
        LocalServer.await(
                "the resolved test alert to leave Alertmanager's list",
                Duration.ofSeconds(10),
                () -> "[]"
                        .equals(String.valueOf(alertmanager.alerts("golive_test=\"" + id + "\""))
                                .strip()));
    }

    @Test
    void withoutTheReceiversRecordTheSummarySaysWhatWasVerified() throws InterruptedException {
        Observation o = run("receiver: default, sendTest: true");
        assertThat(o.status()).as(o.summary()).isEqualTo(Status.PASS);
        assertThat(o.summary())
                .contains("; test alert accepted, active and routed to receiver 'default' by Alertmanager in ")
                .contains("delivery to the receiver itself not verified");
        assertThat(o.evidence().get("resolved")).startsWith("left active until ");
        String id = (String) o.measurements().get("alertId");
        LocalServer.await(
                "the default receiver to get " + id,
                Duration.ofSeconds(20),
                () -> sink.deliveries("default").stream().anyMatch(b -> b.contains(id)));
    }

    @Test
    void aTestAlertRoutedToAnotherReceiverFails() {
        long start = System.nanoTime();
        Observation o = run("receiver: oncall, sendTest: true, timeout: 10s");
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary())
                .isEqualTo("the test alert (state active) is routed to default, not to 'oncall' (give labels: that"
                        + " its route matches)");
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("a route does not change: no need to wait")
                .isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aTestAlertTheReceiverNeverRecordsFails() {
        Observation o = run("receiver: dead, sendTest: true, labels: {team: nowhere}, timeout: 3s, deliveredUrl: \""
                + sink.deliveriesUrl("dead") + "\"");
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary())
                .isEqualTo("the test alert was routed to dead but the receiver's record (deliveredUrl) did not show"
                        + " it within 3000 ms");
        assertThat(o.measurements()).containsEntry("routed", true).containsEntry("delivered", false);
    }

    @Test
    void aTestAlertIsNotSentWhenTheReceiverIsMissing() {
        Observation o = run("receiver: pagerduty, sendTest: true");
        // the missing receiver is a finding (FAIL), which outranks the test alert that could not be sent
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary()).contains("no receiver 'pagerduty'").contains("test alert not sent");
    }

    @Test
    void anAlertmanagerThatIsDownIsAnError() throws Exception {
        int port = LocalServer.freePort();
        Observation o = probe.run(
                Probes.config(AlertmanagerConfig.class, "{url: \"http://127.0.0.1:" + port + "\", receiver: oncall}"),
                Probes.context(Duration.ofSeconds(5), List.of()));
        assertThat(o.status()).isEqualTo(Status.ERROR);
        assertThat(o.summary()).isEqualTo("connection refused (127.0.0.1:" + port + ")");
    }
}
