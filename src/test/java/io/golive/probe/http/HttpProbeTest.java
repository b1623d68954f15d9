package io.golive.probe.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.checklist.ThresholdParser;
import io.golive.probe.Observation;
import io.golive.probe.Probe;
import io.golive.probe.ProbeContext;
import io.golive.probe.ProbeContractTest;
import io.golive.probe.SpecRun;
import io.golive.probe.Status;
import io.golive.spec.Secrets;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The http probe against a real loopback server. */
class HttpProbeTest extends ProbeContractTest<HttpConfig> {
    static TestHttpServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        server = new TestHttpServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpConfig get(String url) {
        return new HttpConfig(
                Optional.of(url), Optional.empty(), null, null, null, null, null, null, null, null, null, null);
    }

    static Observation run(Probe<HttpConfig> p, HttpConfig c, List<io.golive.checklist.Threshold> inherited) {
        ProbeContext ctx = new ProbeContext(
                Clock.systemUTC(),
                Clock.systemUTC().instant().plusSeconds(5),
                Map.of(),
                Path.of("."),
                inherited,
                Secrets.none());
        return p.run(c, ctx);
    }

    @Override
    protected Probe<HttpConfig> probe() {
        return new HttpProbe();
    }

    @Override
    protected Optional<HttpConfig> silentServer(int port) {
        return Optional.of(get("http://127.0.0.1:" + port + "/"));
    }

    @Override
    protected Optional<HttpConfig> noData() {
        return Optional.of(get("http://127.0.0.1:1/"));
    }

    @Override
    protected Optional<HttpConfig> withSecret(String secret) {
        return Optional.of(new HttpConfig(
                Optional.of(server.url("/ok")),
                Optional.empty(),
                null,
                null,
                Map.of("Authorization", "Bearer " + secret),
                null,
                null,
                null,
                null,
                null,
                null,
                null));
    }

    @Test
    void twoHundredPassesWithStatusAndLatency() {
        Observation o = run(probe(), get(server.url("/ok")), List.of());
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.measurements()).containsEntry("status", 200).containsKey("latencyMs");
    }

    @Test
    void fiveHundredIsAFailNotAnError() {
        Observation o = run(probe(), get(server.url("/fail")), List.of());
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary()).contains("status 500, expected 2xx");
    }

    @Test
    void refusedConnectionIsAnError() {
        Observation o = run(probe(), get("http://127.0.0.1:1/health"), List.of());
        assertThat(o.status()).isEqualTo(Status.ERROR);
        assertThat(o.summary()).isEqualTo("connection refused (127.0.0.1:1)");
    }

    @Test
    void bodyAndStatusExpectationsApply() {
        HttpConfig c = new HttpConfig(
                Optional.of(server.url("/fail")),
                Optional.empty(),
                null,
                null,
                null,
                null,
                io.golive.probe.StatusCodes.of(500),
                "oo+ps",
                null,
                null,
                null,
                null);
        assertThat(run(probe(), c, List.of()).status()).isEqualTo(Status.PASS);
    }

    @Test
    void inheritedLatencyThresholdFailsASlowAnswer() {
        Observation o = run(
                probe(),
                get(server.url("/slow")),
                List.of(ThresholdParser.findAll("API latency (p95 < 100ms)").getFirst()));
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary()).contains("does not meet < 100ms");
    }

    @Test
    void runsThroughTheEngineFromASpec() throws IOException {
        SpecRun r = SpecRun.of(
                dir,
                "# L\n## Web\n- [ ] Health endpoint responding\n- [ ] Security headers configured\n",
                "checklist: LAUNCH.md\ntargets:\n  web: { url: \"" + server.url("") + "\" }\nchecks:\n"
                        + "  - item: Health endpoint responding\n    http: { target: web, path: /ok, expectBody: UP }\n"
                        + "  - item: Security headers configured\n    headers: { target: web, path: /bare }\n",
                Map.of());
        assertThat(r.check("Health endpoint responding").observation().status()).isEqualTo(Status.PASS);
        assertThat(r.check("Security headers configured").observation().status())
                .isEqualTo(Status.FAIL);
        assertThat(r.json()).contains("\"decision\" : \"NO_GO\"");
    }
}
