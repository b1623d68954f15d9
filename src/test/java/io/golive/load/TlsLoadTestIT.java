package io.golive.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.probe.TrustStores;
import io.golive.probe.tls.TestCertificates;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every test of {@link LoadTestIT} again over TLS (a certificate signed by a test CA, trusted through
 * the plan's TLS context as {@code --trust ca.pem} does), and what is particular to TLS: protocol
 * versions, certificates that must fail with a clear message, new connections per request.
 */
class TlsLoadTestIT extends LoadTestIT {
    @TempDir
    static Path dir;

    private static TestCertificates.Issued ca;
    private static SSLContext server;
    private static X509TrustManager trustingTheCa;

    @BeforeAll
    static void certificates() throws Exception {
        ca = TestCertificates.ca();
        Instant now = Instant.now();
        server = serverContext(TestCertificates.leaf(ca, "127.0.0.1", now.minusSeconds(60), now.plusSeconds(86_400)));
        trustingTheCa = (X509TrustManager) TrustStores.trustManagers(TestCertificates.pem(dir, ca.cert()))[0];
        // The JVM's first TLS handshakes are slow (no compiled code yet): warm up handshakes and requests.
        try (TestHttpServer warm = TestHttpServer.startTls((n, p) -> TestHttpServer.Reply.ok(0), server)) {
            for (boolean keepAlive : new boolean[] {false, true}) {
                LoadTest.run(
                        LoadPlan.closed(warm.url("/"), 16, Duration.ofSeconds(3))
                                .withTrust(trustingTheCa)
                                .withKeepAlive(keepAlive),
                        Clock.systemUTC(),
                        ProgressListener.none());
            }
        }
    }

    @Override
    TestHttpServer start(TestHttpServer.Behaviour behaviour) throws IOException {
        return TestHttpServer.startTls(behaviour, server);
    }

    @Override
    LoadPlan adapt(LoadPlan plan) {
        return plan.withTrust(trustingTheCa);
    }

    @Test
    void tls12AndTls13AreBothSpoken() throws IOException {
        for (String protocol : new String[] {"TLSv1.2", "TLSv1.3"}) {
            try (TestHttpServer s = TestHttpServer.startTls((n, p) -> TestHttpServer.Reply.ok(0), server, protocol)) {
                LoadResult r = run(LoadPlan.closed(s.url("/"), 4, Duration.ofSeconds(1)));

                assertThat(r.errors()).as(protocol).isZero();
                assertThat(r.requests()).as(protocol).isGreaterThan(100);
                // One connection per user, and the one that shakes hands before the clock starts.
                assertThat(s.connections.get()).as(protocol).isEqualTo(5);
            }
        }
    }

    @Test
    void withoutKeepAliveEachRequestHasItsOwnConnection() throws Exception {
        for (String protocol : new String[] {"TLSv1.3", "TLSv1.2"}) {
            try (TestHttpServer s = TestHttpServer.startTls((n, p) -> TestHttpServer.Reply.ok(0), server, protocol)) {
                LoadResult r = run(
                        LoadPlan.closed(s.url("/"), 4, Duration.ofSeconds(2)).withKeepAlive(false));

                assertThat(r.errors()).as(protocol).isZero();
                assertThat(r.requests()).as(protocol).isGreaterThan(50);
                assertThat(s.connections.get()).as(protocol).isGreaterThanOrEqualTo(r.requests());
                // Session resumption is checked against nginx (TlsNginxLoadTestIT): the JDK's server
                // does not resume the sessions of OpenSSL's clients.
            }
        }
    }

    @Test
    void untrustedCertificateFailsEveryRequestWithAClearMessage() throws IOException {
        try (TestHttpServer s = TestHttpServer.startTls((n, p) -> TestHttpServer.Reply.ok(0), server)) {
            // The JDK's trust store does not know the test CA.
            LoadResult r = LoadTest.run(
                    LoadPlan.closed(s.url("/"), 2, Duration.ofSeconds(1)), Clock.systemUTC(), ProgressListener.none());

            assertThat(r.latency().count()).isZero();
            assertThat(r.errorKinds().get("connect")).isEqualTo(r.requests()).isPositive();
            assertThat(r.warnings())
                    .contains(origin(s) + ": the server's certificate is not trusted (not signed by a trusted CA);"
                            + " pass --trust ca.pem with its CA, or --insecure for a test server");
            assertThat(s.requests.get()).isZero();
        }
    }

    @Test
    void expiredCertificateFailsWithAClearMessageUnlessInsecure() throws Exception {
        Instant now = Instant.now();
        SSLContext expired = serverContext(
                TestCertificates.leaf(ca, "127.0.0.1", now.minusSeconds(3 * 86_400), now.minusSeconds(86_400)));
        try (TestHttpServer s = TestHttpServer.startTls((n, p) -> TestHttpServer.Reply.ok(0), expired)) {
            LoadResult refused = run(LoadPlan.closed(s.url("/"), 2, Duration.ofSeconds(1)));

            assertThat(refused.errorKinds().get("connect"))
                    .isEqualTo(refused.requests())
                    .isPositive();
            assertThat(refused.warnings())
                    .anySatisfy(w -> assertThat(w)
                            .startsWith(origin(s) + ": the server's certificate has expired (")
                            .endsWith("); pass --insecure to load it anyway"));

            LoadResult insecure =
                    run(LoadPlan.closed(s.url("/"), 2, Duration.ofSeconds(1)).withInsecure(true));

            assertThat(insecure.errors()).isZero();
            assertThat(insecure.requests()).isGreaterThan(50);
            assertThat(insecure.warnings()).noneMatch(w -> w.contains("certificate"));
        }
    }

    @Test
    void certificateForAnotherHostFailsWithAClearMessage() throws Exception {
        Instant now = Instant.now();
        SSLContext elsewhere = serverContext(
                TestCertificates.leaf(ca, "golive.invalid", now.minusSeconds(60), now.plusSeconds(86_400)));
        try (TestHttpServer s = TestHttpServer.startTls((n, p) -> TestHttpServer.Reply.ok(0), elsewhere)) {
            LoadResult r = run(LoadPlan.closed(s.url("/"), 2, Duration.ofSeconds(1)));

            assertThat(r.errorKinds().get("connect")).isEqualTo(r.requests()).isPositive();
            assertThat(r.warnings())
                    .contains(origin(s) + ": the server's certificate does not name 127.0.0.1;"
                            + " pass --insecure to load it anyway");
        }
    }

    private static String origin(TestHttpServer s) {
        URI u = s.url("/");
        return "https://" + u.getRawAuthority();
    }

    private static SSLContext serverContext(TestCertificates.Issued leaf) throws Exception {
        return TestCertificates.serverContext(leaf, ca);
    }
}
