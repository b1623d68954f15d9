package io.golive.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
    private static int h2;
    private static int h2Short;
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
        h2 = TestNginx.freePort();
        h2Short = TestNginx.freePort();
        nginx = TestNginx.start(
                dir,
                """
                %1$s
                worker_processes 1;
                error_log %2$s/logs/error.log;
                pid %2$s/nginx.pid;
                events { worker_connections 4096; }
                http {
                  log_format tls "$ssl_protocol $ssl_session_reused [$ssl_curves] $ssl_server_name";
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
                  log_format h2 "$server_protocol $connection $status";
                  server {
                    listen 127.0.0.1:%5$d ssl http2;
                    access_log %2$s/logs/h2.log h2;
                    location / { return 200 "ok"; }
                    location /teapot { return 418; }
                  }
                  server {
                    # A connection carries 50 requests, then the server ends it (GOAWAY).
                    listen 127.0.0.1:%6$d ssl http2;
                    keepalive_requests 50;
                    access_log %2$s/logs/h2short.log h2;
                    location / { return 200 "ok"; }
                  }
                }
                """.replace("%3$d", String.valueOf(tls13))
                        .replace("%4$d", String.valueOf(tls12))
                        .replace("%5$d", String.valueOf(h2))
                        .replace("%6$d", String.valueOf(h2Short)),
                tls13,
                tls12,
                h2,
                h2Short);
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
    void handshakesOfferTheClassicalGroupsAsWrkDoes() throws IOException {
        // Netty's default would offer X25519MLKEM768 (0x11ec) first, with a 1,200-byte key share made
        // for every connection that this nginx (OpenSSL 3.0) never uses.
        Path log = dir.resolve("logs/tls13.log");
        Files.writeString(log, "");
        LoadResult r = run(LoadPlan.closed(url(tls13), 2, Duration.ofSeconds(1)).withKeepAlive(false));

        List<String> lines = Files.readAllLines(log);
        assertThat(r.errors()).isZero();
        assertThat(lines)
                .isNotEmpty()
                .allMatch(l -> l.contains(" [X25519:prime256v1:secp384r1] "), "offers x25519, P-256, P-384");
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
        // On a busy 2-core machine 1000 handshakes (both sides) take seconds: the timeout leaves them that.
        LoadResult r =
                run(LoadPlan.closed(url(tls13), 1000, Duration.ofSeconds(6)).withTimeout(Duration.ofSeconds(10)));

        assertThat(r.errors()).as("%s", r.errorKinds()).isZero();
        assertThat(r.requests()).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void http2StreamsShareTheirConnections() throws IOException {
        Path log = dir.resolve("logs/h2.log");
        Files.writeString(log, "");
        LoadResult r = run(LoadPlan.closed(url(h2), 8, Duration.ofSeconds(2)).withStreams(4));

        List<String> lines = Files.readAllLines(log);
        assertThat(r.errors()).as("%s %s", r.errorKinds(), r.warnings()).isZero();
        assertThat(r.requests()).isGreaterThan(200);
        assertThat(r.status()).containsOnlyKeys(200);
        assertThat(lines).hasSizeGreaterThanOrEqualTo((int) r.requests()).allMatch(l -> l.startsWith("HTTP/2.0 "));
        // 8 users, 4 streams each connection: 2 connections carried every request.
        assertThat(lines.stream().map(l -> l.split(" ")[1]).distinct()).hasSize(2);
    }

    @Test
    void theCommandSaysHowManyStreamsShareEachHttp2Connection() {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int code = io.golive.cli.Main.run(
                new java.io.PrintWriter(out),
                new java.io.PrintWriter(err),
                "loadtest",
                "https://localhost:" + h2 + "/",
                "--users",
                "8",
                "--streams",
                "4",
                "--duration",
                "1s",
                "--trust",
                dir.resolve("ca.pem").toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("closed model, 8 users, 8 streams, 4 per HTTP/2 connection, ")
                .contains("status     200");
    }

    @Test
    void http2FixedRateIsHeldWithinTwoPercent() {
        // Enough streams that a busy HTTP/2 loop may pause to gather answers: the pauses must not
        // delay the open model's sends.
        LoadResult r = run(LoadPlan.open(url(h2), 2000, Duration.ofSeconds(5)).withStreams(10));

        Inconclusive.unlessMeasured(r, () -> {
            assertThat(r.errors()).as("%s %s", r.errorKinds(), r.warnings()).isZero();
            assertThat(r.rate()).isCloseTo(2000, within(40.0));
            assertThat(r.requests()).isCloseTo(10_000, within(200L));
        });
    }

    @Test
    void http2StatusesAreCountedAsOverHttp1() {
        LoadResult r = run(LoadPlan.closed(URI.create("https://localhost:" + h2 + "/teapot"), 4, Duration.ofSeconds(1))
                .withStreams(2));

        assertThat(r.status()).containsOnlyKeys(418);
        assertThat(r.errorKinds().get("4xx")).isEqualTo(r.status().get(418)).isPositive();
    }

    @Test
    void http2ConnectionsTheServerEndsAreReplacedWithoutErrors() throws IOException {
        Path log = dir.resolve("logs/h2short.log");
        Files.writeString(log, "");
        LoadResult r =
                run(LoadPlan.closed(url(h2Short), 8, Duration.ofSeconds(2)).withStreams(4));

        List<String> lines = Files.readAllLines(log);
        assertThat(r.errors()).as("%s %s", r.errorKinds(), r.warnings()).isZero();
        assertThat(r.requests()).isGreaterThan(200);
        assertThat(lines.stream().map(l -> l.split(" ")[1]).distinct().count())
                .isGreaterThanOrEqualTo(r.requests() / 50);
    }

    @Test
    void http2AgainstAnHttp1ServerFailsWithAClearMessage() {
        LoadResult r = run(LoadPlan.closed(url(tls13), 2, Duration.ofSeconds(1)).withStreams(2));

        assertThat(r.latency().count()).isZero();
        assertThat(r.errorKinds().get("connect")).isEqualTo(r.requests()).isPositive();
        assertThat(r.warnings())
                .contains("https://localhost:" + tls13 + ": the server does not speak HTTP/2 (it refused ALPN h2);"
                        + " leave out --streams for HTTP/1.1");
    }

    private static LoadResult run(LoadPlan plan) {
        return LoadTest.run(plan.withTrust(trust), Clock.systemUTC(), ProgressListener.none());
    }

    private static URI url(int port) {
        return URI.create("https://localhost:" + port + "/");
    }
}
