package io.golive.probe.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.probe.Observation;
import io.golive.probe.Probe;
import io.golive.probe.ProbeContext;
import io.golive.probe.ProbeContractTest;
import io.golive.probe.Status;
import io.golive.probe.tls.TestCertificates.Issued;
import io.golive.spec.Secrets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLServerSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tls probe against loopback servers presenting certificates made in the test. */
class TlsProbeTest extends ProbeContractTest<TlsConfig> {
    static Issued ca;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeCa() throws Exception {
        ca = TestCertificates.ca();
    }

    static TlsConfig config(int port, String trust) {
        return new TlsConfig(
                Optional.of("https://127.0.0.1:" + port), Optional.empty(), null, null, null, null, trust, null, null);
    }

    Observation check(Issued leaf, Issued signer, boolean trusted) throws Exception {
        TestCertificates.pem(dir, ca.cert());
        try (SSLServerSocket server = TestCertificates.serve(leaf, signer)) {
            return new TlsProbe()
                    .run(
                            config(server.getLocalPort(), trusted ? "ca.pem" : null),
                            new ProbeContext(
                                    Clock.systemUTC(),
                                    Instant.now().plusSeconds(5),
                                    Map.of(),
                                    dir,
                                    List.of(),
                                    Secrets.none()));
        }
    }

    static Instant days(long n) {
        return Instant.now().plus(Duration.ofDays(n));
    }

    @Override
    protected Probe<TlsConfig> probe() {
        return new TlsProbe();
    }

    @Override
    protected Optional<TlsConfig> silentServer(int port) {
        return Optional.of(config(port, null));
    }

    @Override
    protected Optional<TlsConfig> noData() {
        return Optional.of(config(1, null));
    }

    @Override
    protected Optional<TlsConfig> withSecret(String secret) {
        return Optional.of(
                new TlsConfig(Optional.empty(), Optional.empty(), "127.0.0.1", 1, null, null, null, null, secret));
    }

    @Test
    void validTrustedCertificatePasses() throws Exception {
        Observation o = check(TestCertificates.leaf(ca, "127.0.0.1", days(-1), days(90)), ca, true);
        assertThat(o.status()).as(o.summary()).isEqualTo(Status.PASS);
        assertThat(o.measurements())
                .containsEntry("chainValid", true)
                .containsEntry("hostnameMatch", true)
                .containsEntry("protocol", "TLSv1.3");
        assertThat((Long) o.measurements().get("daysLeft")).isBetween(88L, 90L);
    }

    @Test
    void certificateExpiringInFiveDaysFails() throws Exception {
        Observation o = check(TestCertificates.leaf(ca, "127.0.0.1", days(-1), days(5).plusSeconds(3600)), ca, true);
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary()).isEqualTo("expires in 5 days (< 14)");
    }

    @Test
    void expiredCertificateFails() throws Exception {
        Observation o = check(TestCertificates.leaf(ca, "127.0.0.1", days(-30), days(-1)), ca, true);
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary()).startsWith("expired on");
    }

    @Test
    void wrongHostFails() throws Exception {
        Observation o = check(TestCertificates.leaf(ca, "shop.example.com", days(-1), days(90)), ca, true);
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary()).contains("certificate is not for 127.0.0.1");
    }

    @Test
    void selfSignedAndUnknownCaAreUntrusted() throws Exception {
        Observation self = check(TestCertificates.leaf(null, "127.0.0.1", days(-1), days(90)), null, true);
        assertThat(self.status()).isEqualTo(Status.FAIL);
        assertThat(self.summary()).startsWith("untrusted");
        Observation jdkStore = check(TestCertificates.leaf(ca, "127.0.0.1", days(-1), days(90)), ca, false);
        assertThat(jdkStore.measurements()).containsEntry("chainValid", false);
    }

    @Test
    void wildcardNamesMatchOneLabel() {
        assertThat(HostNames.dnsMatches("*.example.com", "a.example.com")).isTrue();
        assertThat(HostNames.dnsMatches("*.example.com", "a.b.example.com")).isFalse();
        assertThat(HostNames.dnsMatches("*.example.com", "example.com")).isFalse();
    }
}
