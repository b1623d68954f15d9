package io.golive.probe.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.golive.probe.Observation;
import io.golive.probe.Status;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Answers that are not what a Prometheus or Alertmanager API gives are errors that say what came back. */
class ApiAnswersTest {
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.createContext("/html/", ex -> reply(ex, 200, "<html>Grafana login</html>", null));
        server.createContext("/moved/", ex -> reply(ex, 301, "", "https://prometheus.example/"));
        server.createContext("/json/", ex -> reply(ex, 200, "{\"status\":\"ok\"}", null));
        server.createContext("/locked/", ex -> reply(ex, 401, "{\"error\":\"unauthorized\"}", null));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void reply(com.sun.net.httpserver.HttpExchange ex, int status, String body, String location)
            throws IOException {
        if (location != null) {
            ex.getResponseHeaders().add("Location", location);
        }
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            ex.getResponseBody().write(b);
        }
        ex.close();
    }

    private Observation prometheus(String prefix) {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + prefix;
        return new PrometheusProbe()
                .run(
                        Probes.config(PrometheusConfig.class, "{url: \"" + url + "\", query: up, expect: \"= 1\"}"),
                        Probes.context(Duration.ofSeconds(5), List.of()));
    }

    @Test
    void aPageThatIsNotTheApiIsAnError() {
        Observation o = prometheus("/html");
        assertThat(o.status()).isEqualTo(Status.ERROR);
        assertThat(o.summary())
                .startsWith("not a Prometheus API answer from ")
                .endsWith("(HTTP 200: <html>Grafana login</html>)");
    }

    @Test
    void aRedirectIsNotFollowedAndNamesWhereTo() {
        Observation o = prometheus("/moved");
        assertThat(o.status()).isEqualTo(Status.ERROR);
        assertThat(o.summary()).contains("HTTP 301 (a redirect to https://prometheus.example/: use that url)");
    }

    @Test
    void aRefusalPointsAtTheCredentials() {
        Observation o = prometheus("/locked");
        assertThat(o.status()).isEqualTo(Status.ERROR);
        assertThat(o.summary()).contains("HTTP 401").contains("check the credentials in headers");
        Observation am = new AlertmanagerProbe()
                .run(
                        Probes.config(
                                AlertmanagerConfig.class,
                                "{url: \"http://127.0.0.1:"
                                        + server.getAddress().getPort() + "/locked\"}"),
                        Probes.context(Duration.ofSeconds(5), List.of()));
        assertThat(am.summary()).contains("a refusal (check the credentials in headers): HTTP 401");
    }

    @Test
    void aJsonAnswerThatIsNotAlertmanagersStatusIsAnError() {
        Observation o = new AlertmanagerProbe()
                .run(
                        Probes.config(
                                AlertmanagerConfig.class,
                                "{url: \"http://127.0.0.1:"
                                        + server.getAddress().getPort() + "/html\"}"),
                        Probes.context(Duration.ofSeconds(5), List.of()));
        assertThat(o.status()).isEqualTo(Status.ERROR);
        assertThat(o.summary()).startsWith("not an Alertmanager API answer");
    }
}
