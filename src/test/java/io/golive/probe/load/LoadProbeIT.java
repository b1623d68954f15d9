package io.golive.probe.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.golive.checklist.Threshold;
import io.golive.checklist.ThresholdParser;
import io.golive.gate.CheckResult;
import io.golive.probe.Observation;
import io.golive.probe.Probe;
import io.golive.probe.ProbeContext;
import io.golive.probe.ProbeContractTest;
import io.golive.probe.SpecRun;
import io.golive.probe.Status;
import io.golive.probe.tls.TestCertificates;
import io.golive.spec.Secrets;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The load probe against a real loopback server: fast and 600 ms endpoints, thresholds from the item. */
class LoadProbeIT extends ProbeContractTest<LoadConfig> {
    static HttpServer server;
    static final AtomicInteger requests = new AtomicInteger();

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/fast", ex -> reply(ex, 200, 0));
        server.createContext("/slow", ex -> reply(ex, 200, 600));
        server.createContext("/broken", ex -> reply(ex, 500, 0));
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static void reply(HttpExchange ex, int status, long delayMs) throws IOException {
        requests.incrementAndGet();
        try {
            Thread.sleep(delayMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    static String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    static LoadConfig config(String url, Integer users, String duration, List<String> expect) {
        return new LoadConfig(
                Optional.of(url),
                Optional.empty(),
                null,
                null,
                null,
                null,
                null,
                users,
                duration,
                null,
                expect,
                null,
                null,
                null);
    }

    static Observation run(LoadConfig c, List<Threshold> inherited, Duration limit) {
        ProbeContext ctx = new ProbeContext(
                Clock.systemUTC(),
                Clock.systemUTC().instant().plus(limit),
                Map.of(),
                Path.of("."),
                inherited,
                Secrets.none());
        return new LoadProbe().run(c, ctx);
    }

    @Override
    protected Probe<LoadConfig> probe() {
        return new LoadProbe();
    }

    @Override
    protected Optional<LoadConfig> silentServer(int port) {
        return Optional.of(config("http://127.0.0.1:" + port + "/", 2, "300ms", List.of()));
    }

    @Override
    protected Optional<LoadConfig> noData() {
        return Optional.of(config("http://127.0.0.1:1/", 2, "300ms", List.of()));
    }

    @Override
    protected Optional<LoadConfig> withSecret(String secret) {
        return Optional.of(new LoadConfig(
                Optional.of(url("/fast")),
                Optional.empty(),
                null,
                null,
                Map.of("Authorization", "Bearer " + secret, "X-Api-Key", secret),
                null,
                null,
                2,
                "500ms",
                null,
                List.of(),
                null,
                null,
                null));
    }

    @Test
    void anHttpsTargetIsCheckedAgainstItsTrustFile() throws Exception {
        TestCertificates.Issued ca = TestCertificates.ca();
        Instant now = Instant.now();
        TestCertificates.Issued leaf =
                TestCertificates.leaf(ca, "127.0.0.1", now.minusSeconds(60), now.plusSeconds(3_600));
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        https.setHttpsConfigurator(new HttpsConfigurator(TestCertificates.serverContext(leaf, ca)));
        https.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        https.createContext("/fast", ex -> reply(ex, 200, 0));
        https.start();
        try {
            String url = "https://127.0.0.1:" + https.getAddress().getPort() + "/fast";
            Path caPem = TestCertificates.pem(dir, ca.cert());
            List<Threshold> p95 = List.of(ThresholdParser.parse("p95 < 500ms"));

            Observation trusted =
                    run(withTrust(config(url, 2, "1s", List.of()), caPem.toString()), p95, Duration.ofSeconds(10));
            assertThat(trusted.status()).as(trusted.summary()).isEqualTo(Status.PASS);
            assertThat((long) trusted.measurements().get("requests")).isPositive();

            Observation untrusted = run(config(url, 2, "1s", List.of()), p95, Duration.ofSeconds(10));
            assertThat(untrusted.status()).as(untrusted.summary()).isNotEqualTo(Status.PASS);
            assertThat(untrusted.summary()).contains("not trusted");

            Observation unreadable = run(
                    withTrust(
                            config(url, 2, "1s", List.of()),
                            dir.resolve("missing.pem").toString()),
                    p95,
                    Duration.ofSeconds(10));
            assertThat(unreadable.status()).isEqualTo(Status.ERROR);
            assertThat(unreadable.summary()).contains("missing.pem");
        } finally {
            https.stop(0);
        }
    }

    private static LoadConfig withTrust(LoadConfig c, String trust) {
        return new LoadConfig(
                c.url(),
                c.target(),
                c.path(),
                c.method(),
                c.headers(),
                c.body(),
                c.rate(),
                c.users(),
                c.duration(),
                c.ramp(),
                c.expect(),
                c.insecure(),
                trust,
                c.allowRemote());
    }

    @Test
    void aFastTargetPassesTheItemsP95() {
        Observation o = run(
                config(url("/fast"), 4, "1500ms", List.of()),
                List.of(ThresholdParser.parse("p95 < 500ms")),
                Duration.ofSeconds(10));
        assertThat(o.status()).as(o.summary()).isEqualTo(Status.PASS);
        assertThat(o.summary()).contains("meets < 500ms");
        assertThat((double) o.measurements().get("p95")).isLessThan(500);
        assertThat((long) o.measurements().get("requests")).isPositive();
        assertThat(o.evidence().get("thresholds"))
                .isEqualTo("p95 < 500ms (from the item), error rate < 1% (errors always count)");
    }

    @Test
    void aTargetAnswering600msFailsWithTheMeasuredP95() {
        Observation o = run(
                config(url("/slow"), 3, "2s", List.of()),
                List.of(ThresholdParser.parse("p95 < 500ms")),
                Duration.ofSeconds(10));
        assertThat(o.status()).as(o.summary()).isEqualTo(Status.FAIL);
        double p95 = (double) o.measurements().get("p95");
        assertThat(p95).isBetween(600.0, 1_500.0);
        assertThat(o.summary()).containsPattern("p95 \\d{3,4}(\\.\\d)?ms does not meet < 500ms");
    }

    @Test
    void usersComeFromTheItemsConcurrentUsers() {
        Observation o = run(
                config(url("/fast"), null, "1s", List.of()),
                ThresholdParser.findAll("Test with 8 concurrent users. Verify <500ms P95 latency"),
                Duration.ofSeconds(10));
        assertThat(o.status()).as(o.summary()).isEqualTo(Status.PASS);
        assertThat(o.measurements().get("users")).isEqualTo(8);
        assertThat(o.evidence().get("load")).contains("8 users");
    }

    @Test
    void tooFewUsersForTheItemFail() {
        Observation o = run(
                config(url("/fast"), 2, "1s", List.of()),
                ThresholdParser.findAll("Load tests: 50 concurrent users, p95 <500ms"),
                Duration.ofSeconds(10));
        assertThat(o.status()).as(o.summary()).isEqualTo(Status.FAIL);
        assertThat(o.summary()).contains("does not meet >= 50 users");
    }

    @Test
    void ownExpectWinsOverTheItem() {
        Observation o = run(
                config(url("/broken"), 2, "1s", List.of("errors < 0.1%")),
                List.of(ThresholdParser.parse("p95 < 500ms")),
                Duration.ofSeconds(10));
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary()).contains("does not meet < 0.1%");
        assertThat(o.evidence().get("thresholds")).contains("(from expect)");
    }

    @Test
    void errorAnswersFailEvenWhenOnlyLatencyIsAsked() {
        Observation o = run(
                config(url("/broken"), 2, "1s", List.of()),
                List.of(ThresholdParser.parse("p95 < 500ms")),
                Duration.ofSeconds(10));
        assertThat(o.status()).as(o.summary()).isEqualTo(Status.FAIL);
        assertThat(o.summary()).startsWith("error rate 100% does not meet < 1% —");
        assertThat((long) o.measurements().get("errors"))
                .isEqualTo((long) o.measurements().get("requests"));
    }

    @Test
    void withoutRateOrUsersAnywhereItIsAnError() {
        int before = requests.get();
        Observation o = run(
                config(url("/fast"), null, "1s", List.of()),
                List.of(ThresholdParser.parse("p95 < 500ms")),
                Duration.ofSeconds(10));
        assertThat(o.status()).isEqualTo(Status.ERROR);
        assertThat(o.summary()).contains("give rate or users");
        assertThat(requests.get()).isEqualTo(before);
    }

    @Test
    void aRemoteTargetNeedsConsent() {
        Observation o = run(config("http://192.0.2.10/", 2, "1s", List.of()), List.of(), Duration.ofSeconds(10));
        assertThat(o.status()).isEqualTo(Status.ERROR);
        assertThat(o.summary()).contains("not a loopback address").contains("allowRemote: true");
    }

    @Test
    void aDurationBeyondTheChecksTimeLimitIsRefusedUpFront() {
        int before = requests.get();
        Observation o = run(config(url("/fast"), 2, "30s", List.of()), List.of(), Duration.ofSeconds(10));
        assertThat(o.status()).isEqualTo(Status.ERROR);
        assertThat(o.summary()).contains("time limit").contains("timeout: 35s");
        assertThat(requests.get()).isEqualTo(before);
    }

    @Test
    void aSpecCheckInheritsTheLoadTestItemsThresholds() throws IOException {
        String checklist = """
                # Launch
                ## Testing
                - [ ] **Load Test**
                  - Test with 6 concurrent users
                  - Verify <500ms P95 latency
                """;
        String spec = """
                name: t
                checklist: LAUNCH.md
                checks:
                  - item: "Load Test"
                    load: { url: "%s", duration: 1s, expect: "p95 < 500ms" }
                  - item: "Load Test"
                    load: { url: "%s", duration: 2s }
                """.formatted(url("/fast"), url("/slow"));
        SpecRun run = SpecRun.of(dir, checklist, spec, Map.of());
        List<CheckResult> results = run.results();
        assertThat(results).hasSize(2);
        assertThat(results.get(0).observation().status())
                .as(results.get(0).observation().summary())
                .isEqualTo(Status.PASS);
        assertThat(results.get(0).observation().measurements().get("users")).isEqualTo(6);
        assertThat(results.get(1).observation().status())
                .as(results.get(1).observation().summary())
                .isEqualTo(Status.FAIL);
        assertThat(results.get(1).observation().summary()).contains("does not meet < 500ms");
        assertThat(run.evaluation().decision()).isEqualTo(io.golive.gate.Decision.NO_GO);
    }

    @Test
    void aCheckInheritsTheThresholdsOfItsItemsNestedTasks() throws IOException {
        String checklist = """
                # Launch
                ## Testing
                - [ ] Load testing completed
                  - [ ] Test with 6 concurrent users
                  - [ ] Verify <500ms P95 latency
                """;
        String spec = """
                name: t
                checklist: LAUNCH.md
                checks:
                  - item: "Load testing completed"
                    load: { url: "%s", duration: 2s }
                """.formatted(url("/slow"));
        SpecRun run = SpecRun.of(dir, checklist, spec, Map.of());
        var o = run.results().getFirst().observation();
        assertThat(o.measurements().get("users")).isEqualTo(6);
        assertThat(o.status()).as(o.summary()).isEqualTo(Status.FAIL);
        assertThat(o.summary()).contains("does not meet < 500ms");
    }
}
