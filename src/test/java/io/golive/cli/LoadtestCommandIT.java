package io.golive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.golive.probe.tls.TestCertificates;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** {@code golive loadtest} end to end against a loopback server: output, thresholds, exit codes. */
@Timeout(30)
class LoadtestCommandIT {
    private HttpServer server;
    private String url;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(
                    exchange.getRequestURI().getPath().equals("/missing") ? 404 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private record Outcome(int code, String out, String err) {}

    private static Outcome golive(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String text) {
        return JsonMapper.builder().build().readValue(text, Map.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @Test
    void jsonOutputIsOneObjectWithTheContractKeysAndProgressGoesToStandardError() {
        Outcome o = golive("loadtest", url, "--rate", "200/s", "--duration", "2s", "--json");

        assertThat(o.code()).isZero();
        Map<String, Object> result = json(o.out());
        assertThat(result)
                .containsKeys("requests", "errors", "rate", "latencyMs", "status", "errorKinds", "thresholds");
        assertThat(map(result.get("latencyMs"))).containsKeys("p50", "p90", "p95", "p99", "p999", "max");
        assertThat(((Number) result.get("requests")).longValue()).isBetween(390L, 410L);
        assertThat(o.err()).contains("requests").contains("/s");
    }

    @Test
    void textReportNamesRequestsLatencyAndStatus() {
        Outcome o = golive("loadtest", url, "--users", "4", "--think", "10ms", "--duration", "1s");

        assertThat(o.code()).isZero();
        assertThat(o.out()).contains("requests").contains("latency").contains("status     200");
    }

    @Test
    void requestFileAndHeadersAreUsed(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("requests.yaml");
        Files.writeString(file, "- url: " + url + "a\n  weight: 2\n- url: " + url + "missing\n");

        Outcome o = golive(
                "loadtest",
                "--requests",
                file.toString(),
                "-H",
                "X-Test: 1",
                "--rate",
                "300/s",
                "--duration",
                "1s",
                "--json");

        Map<String, Object> status = map(json(o.out()).get("status"));
        assertThat(status).containsKeys("200", "404");
    }

    @Test
    void missingLoadModelIsBadInputWithoutAStackTrace() {
        Outcome o = golive("loadtest", url, "--duration", "1s");

        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("--rate").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void badDurationIsBadInput() {
        Outcome o = golive("loadtest", url, "--rate", "10/s", "--duration", "soon");

        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("--duration: bad duration 'soon'");
    }

    @Test
    void remoteTargetIsRefusedWithoutAllowRemote() {
        Outcome o = golive("loadtest", "http://192.0.2.1/", "--rate", "10/s", "--duration", "1s");

        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("not a loopback address").contains("--allow-remote");
    }

    @Test
    void metThresholdExitsZeroAndFailedOneExitsOne() {

        Outcome met = golive(
                "loadtest",
                url,
                "--rate",
                "100/s",
                "--duration",
                "1s",
                "--expect",
                "p95 < 500ms",
                "--expect",
                "errors < 0.1%",
                "--json");
        Outcome failed = golive("loadtest", url, "--rate", "100/s", "--duration", "1s", "--expect", "rate >= 1000/s");

        assertThat(met.code()).isZero();
        List<Map<String, Object>> verdicts =
                (List<Map<String, Object>>) json(met.out()).get("thresholds");
        assertThat(verdicts).extracting(v -> v.get("expr")).containsExactly("p95 < 500ms", "errors < 0.1%");
        assertThat(verdicts).allSatisfy(v -> assertThat(v.get("met")).isEqualTo(true));
        assertThat(failed.code()).isEqualTo(1);
        assertThat(failed.out()).contains("FAIL rate >= 1000/s");
    }

    @Test
    void thresholdALoadTestCannotMeasureIsBadInput() {

        Outcome o = golive("loadtest", url, "--rate", "10/s", "--duration", "1s", "--expect", "AUC > 0.70");

        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("does not measure");
    }

    @Test
    void httpsTargetIsTrustedThroughItsCaFileAndFailsClearlyWithout(@TempDir Path dir) throws Exception {
        TestCertificates.Issued ca = TestCertificates.ca();
        TestCertificates.Issued leaf = TestCertificates.leaf(
                ca, "127.0.0.1", Instant.now().minusSeconds(60), Instant.now().plusSeconds(86_400));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry(
                "k", leaf.keys().getPrivate(), "p".toCharArray(), new X509Certificate[] {leaf.cert(), ca.cert()});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "p".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        https.setHttpsConfigurator(new HttpsConfigurator(tls));
        https.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        https.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("ok".getBytes(StandardCharsets.UTF_8));
            exchange.close();
        });
        https.start();
        try {
            String target = "https://127.0.0.1:" + https.getAddress().getPort() + "/";
            String caFile = TestCertificates.pem(dir, ca.cert()).toString();

            Outcome trusted = golive("loadtest", target, "--users", "2", "--duration", "1s", "--trust", caFile);
            Outcome untrusted = golive("loadtest", target, "--users", "2", "--duration", "1s");

            assertThat(trusted.code()).as(trusted.err()).isZero();
            assertThat(trusted.out()).contains("status     200").doesNotContain("warning    https://");
            assertThat(untrusted.code()).isEqualTo(Main.NO_GO);
            assertThat(untrusted.out())
                    .contains("warning    " + target.substring(0, target.length() - 1)
                            + ": the server's certificate is not trusted");
            assertThat(untrusted.err()).contains("no request succeeded");
        } finally {
            https.stop(0);
        }
    }
}
