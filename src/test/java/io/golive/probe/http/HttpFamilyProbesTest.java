package io.golive.probe.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.probe.Observation;
import io.golive.probe.Probe;
import io.golive.probe.ProbeConfig;
import io.golive.probe.ProbeContext;
import io.golive.probe.Status;
import io.golive.spec.Secrets;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** headers, cors, rateLimit and auth against a real loopback server. */
class HttpFamilyProbesTest {
    TestHttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = new TestHttpServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static <C extends ProbeConfig> Observation run(Probe<C> p, C c) {
        return p.run(
                c,
                new ProbeContext(
                        Clock.systemUTC(),
                        Clock.systemUTC().instant().plusSeconds(10),
                        Map.of(),
                        Path.of("."),
                        List.of(),
                        Secrets.none()));
    }

    HeadersConfig headers(String path) {
        return new HeadersConfig(
                Optional.of(server.url(path)), Optional.empty(), null, null, null, null, null, null, null);
    }

    @Test
    void owaspBaselinePassesWithFrameAncestorsInsteadOfXFrameOptions() {
        Observation o = run(new HeadersProbe(), headers("/ok"));
        assertThat(o.status()).isEqualTo(Status.PASS);
    }

    @Test
    void missingHeadersAndAVersionedServerFail() {
        Observation o = run(new HeadersProbe(), headers("/bare"));
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary())
                .contains("missing Strict-Transport-Security")
                .contains("Server: nginx/1.22.1")
                .contains("X-Powered-By");
    }

    @Test
    void reflectedForeignOriginFails() {
        CorsConfig c = new CorsConfig(
                Optional.of(server.url("/cors")), Optional.empty(), null, null, null, null, null, null, null);
        Observation o = run(new CorsProbe(), c);
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.measurements())
                .containsEntry("reflectedOrigin", "https://evil.example")
                .containsEntry("allowCredentials", true);
    }

    @Test
    void closedCorsPasses() {
        CorsConfig c = new CorsConfig(
                Optional.of(server.url("/ok")), Optional.empty(), null, null, null, null, null, null, null);
        assertThat(run(new CorsProbe(), c).status()).isEqualTo(Status.PASS);
    }

    @Test
    void rateLimitIsFoundAtTheRequestItAnswers() {
        RateLimitConfig c = new RateLimitConfig(
                Optional.of(server.url("/limited")),
                Optional.empty(),
                null,
                null,
                null,
                20,
                "2s",
                null,
                true,
                null,
                null,
                null);
        Observation o = run(new RateLimitProbe(), c);
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.measurements()).containsEntry("firstLimitedAt", 6).containsEntry("retryAfter", "7");
    }

    @Test
    void noRateLimitFails() {
        RateLimitConfig c = new RateLimitConfig(
                Optional.of(server.url("/ok")),
                Optional.empty(),
                null,
                null,
                null,
                10,
                "500ms",
                null,
                null,
                null,
                null,
                null);
        Observation o = run(new RateLimitProbe(), c);
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary()).startsWith("no 429 after 10 requests");
    }

    @Test
    void protectedEndpointRefusesAnonymousAndLowPrivilegeRequests() {
        AuthConfig anon = new AuthConfig(
                Optional.of(server.url("/admin")), Optional.empty(), null, null, null, null, null, null, null);
        assertThat(run(new AuthProbe(), anon).measurements()).containsEntry("status", 401);
        AuthConfig user = new AuthConfig(
                Optional.of(server.url("/admin")),
                Optional.empty(),
                null,
                null,
                Map.of("Authorization", "Bearer user-token"),
                null,
                null,
                null,
                null);
        Observation o = run(new AuthProbe(), user);
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.evidence().toString()).doesNotContain("user-token");
    }

    @Test
    void unprotectedEndpointFails() {
        AuthConfig c = new AuthConfig(
                Optional.of(server.url("/open-admin")), Optional.empty(), null, null, null, null, null, null, null);
        Observation o = run(new AuthProbe(), c);
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary()).contains("not protected");
    }
}
