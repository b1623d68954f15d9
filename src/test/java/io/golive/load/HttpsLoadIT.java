package io.golive.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** https:// targets go through the JDK client: load is offered and measured the same way. */
@Timeout(60)
class HttpsLoadIT {
    @TempDir
    static Path dir;

    private static HttpsServer server;
    private static URI url;

    @BeforeAll
    static void startServer() throws Exception {
        Path keystore = dir.resolve("server.p12");
        String keytool =
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(
                        keytool,
                        "-genkeypair",
                        "-alias",
                        "server",
                        "-keyalg",
                        "EC",
                        "-dname",
                        "CN=localhost",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        keystore.toString(),
                        "-storepass",
                        "secret",
                        "-keypass",
                        "secret")
                .redirectErrorStream(true)
                .start();
        assertThat(p.waitFor())
                .as(new String(p.getInputStream().readAllBytes()))
                .isZero();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, "secret".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "secret".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            byte[] body = "ok".getBytes();
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/fail") ? 503 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        url = URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/");
        // The JVM's first TLS handshakes are slow (class loading, no compiled code yet): warm up first.
        LoadTest.run(
                LoadPlan.closed(url, 2, Duration.ofSeconds(2)).withInsecure(true),
                Clock.systemUTC(),
                ProgressListener.none());
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    private static LoadResult run(LoadPlan plan) {
        LoadResult r = LoadTest.run(plan, Clock.systemUTC(), ProgressListener.none());
        System.out.printf(
                "https %s: %d requests, %.1f/s, errors %s, p50 %.3fms%n",
                plan.model(),
                r.requests(),
                r.rate(),
                r.errorKinds(),
                r.latency().p50());
        return r;
    }

    @Test
    void fixedRateOverTlsIsHeld() {
        LoadResult r = run(LoadPlan.open(url, 200, Duration.ofSeconds(4)).withInsecure(true));

        Inconclusive.unlessMeasured(r, () -> {
            assertThat(r.errors()).isZero();
            assertThat(r.rate()).isCloseTo(200, within(10.0));
            assertThat(r.status()).containsKey(200);
        });
    }

    @Test
    void usersOverTlsCountStatusErrors() {
        LoadResult r = run(
                LoadPlan.closed(url.resolve("/fail"), 4, Duration.ofSeconds(2)).withInsecure(true));

        assertThat(r.requests()).isPositive();
        assertThat(r.errorKinds()).containsEntry("5xx", r.requests());
    }

    @Test
    void untrustedCertificateIsAnErrorNotAnException() {
        LoadResult r = run(LoadPlan.closed(url, 2, Duration.ofSeconds(2)));

        assertThat(r.latency().count()).isZero();
        assertThat(r.errorKinds().get("connect")).isEqualTo(r.requests()).isPositive();
    }
}
