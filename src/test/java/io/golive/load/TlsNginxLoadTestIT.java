package io.golive.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.probe.TrustStores;
import io.golive.probe.tls.TestCertificates;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load engine over TLS against a real nginx (Debian package) on loopback, which logs per request
 * the TLS version, whether the handshake resumed a session, and the name the client sent by SNI.
 */
class TlsNginxLoadTestIT {
    @TempDir
    static Path dir;

    private static TestNginx nginx;
    private static int tls13;
    private static int tls12;
    private static X509TrustManager trust;

    @BeforeAll
    static void start() throws Exception {
        TestCertificates.Issued ca = TestCertificates.ca();
        TestCertificates.Issued leaf = TestCertificates.leaf(
                ca,
                "localhost",
                Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(2)));
        TestCertificates.certPem(dir.resolve("server.pem"), leaf.cert(), ca.cert());
        TestCertificates.keyPem(dir.resolve("server.key"), leaf);
        trust = (X509TrustManager) TrustStores.trustManagers(TestCertificates.pem(dir, ca.cert()))[0];
        tls13 = TestNginx.freePort();
        tls12 = TestNginx.freePort();
        nginx = TestNginx.start(
                dir, """
                %1$s
                worker_processes 1;
                error_log %2$s/logs/error.log;
                pid %2$s/nginx.pid;
                events { worker_connections 4096; }
                http {
                  log_format tls "$ssl_protocol $ssl_session_reused $ssl_server_name";
                  keepalive_requests 1000000;
                  client_body_temp_path %2$s/tmp; proxy_temp_path %2$s/tmp; fastcgi_temp_path %2$s/tmp;
                  uwsgi_temp_path %2$s/tmp; scgi_temp_path %2$s/tmp;
                  ssl_certificate %2$s/server.pem;
                  ssl_certificate_key %2$s/server.key;
                  server {
                    listen 127.0.0.1:%3$d ssl;
                    ssl_protocols TLSv1.3;
                    access_log %2$s/logs/tls13.log tls;
                    location / { return 200 "ok"; }
                  }
                  server {
                    listen 127.0.0.1:%4$d ssl;
                    ssl_protocols TLSv1.2;
                    access_log %2$s/logs/tls12.log tls;
                    location / { return 200 "ok"; }
                  }
                }
                """.replace("%3$d", String.valueOf(tls13)).replace("%4$d", String.valueOf(tls12)), tls13, tls12);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (nginx != null) {
            nginx.close();
        }
    }

    @Test
    void withoutKeepAliveNewConnectionsResumeTheSessionInTls12AndTls13() throws IOException {
        for (var version : List.of(new Object[] {"TLSv1.3", tls13}, new Object[] {"TLSv1.2", tls12})) {
            String protocol = (String) version[0];
            Path log = dir.resolve("logs/" + (protocol.equals("TLSv1.3") ? "tls13" : "tls12") + ".log");
            Files.writeString(log, "");
            LoadResult r = run(LoadPlan.closed(url((int) version[1]), 4, Duration.ofSeconds(2))
                    .withKeepAlive(false));

            List<String> lines = Files.readAllLines(log);
            assertThat(r.errors()).as(protocol).isZero();
            assertThat(r.requests()).as(protocol).isGreaterThan(100);
            // Every request on a connection of its own, each in the version asked for.
            assertThat(lines).as(protocol).hasSizeGreaterThanOrEqualTo((int) r.requests());
            assertThat(lines).as(protocol).allMatch(l -> l.startsWith(protocol + " "));
            long resumed =
                    lines.stream().filter(l -> l.split(" ")[1].equals("r")).count();
            assertThat(resumed).as(protocol + ": resumed handshakes").isGreaterThan(lines.size() * 9L / 10);
        }
    }

    @Test
    void sniNamesTheHostWhoseCertificateIsChecked() throws IOException {
        Path log = dir.resolve("logs/tls13.log");
        Files.writeString(log, "");
        LoadResult r = run(LoadPlan.closed(url(tls13), 2, Duration.ofSeconds(1)));

        assertThat(r.errors()).isZero();
        assertThat(r.warnings()).noneMatch(w -> w.contains("certificate"));
        assertThat(Files.readAllLines(log)).isNotEmpty().allMatch(l -> l.endsWith(" localhost"));
    }

    @Test
    void aThousandTlsConnectionsAllConnectAndAnswer() {
        LoadResult r = run(LoadPlan.closed(url(tls13), 1000, Duration.ofSeconds(4)));

        assertThat(r.errors()).as("%s", r.errorKinds()).isZero();
        assertThat(r.requests()).isGreaterThan(1000);
    }

    private static LoadResult run(LoadPlan plan) {
        return LoadTest.run(plan.withTrust(trust), Clock.systemUTC(), ProgressListener.none());
    }

    private static URI url(int port) {
        return URI.create("https://localhost:" + port + "/");
    }
}
