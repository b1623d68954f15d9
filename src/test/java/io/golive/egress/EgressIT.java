package io.golive.egress;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.golive.probe.SpecRun;
import io.golive.probe.Status;
import io.golive.probe.redis.RedisServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The egress policy against real listeners on loopback: 127.0.0.1 allowed, 127.0.0.2 standing in for
 * a forbidden address, which must never see a connection.
 */
class EgressIT {
    private static final String CHECKLIST = "# Launch\n## Checks\n- [ ] Service reachable\n";

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new java.util.ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
    }

    private HttpServer http(String address, int port, int status, String location) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), port), 16);
        s.createContext("/", ex -> {
            if (location != null) {
                ex.getResponseHeaders().add("Location", location);
            }
            byte[] body = "secret-looking body".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        s.start();
        open.add(() -> s.stop(0));
        return s;
    }

    private CountingListener listener(String address, int port) throws IOException {
        CountingListener l = new CountingListener(address, port);
        open.add(l);
        return l;
    }

    private void policy(String allow, String deny) {
        var installed = Egress.install(EgressPolicy.of(allow, deny, "golive.egress.allow"), Set.of());
        open.add(installed::close);
    }

    private void lookup(java.util.function.Function<String, Optional<List<InetAddress>>> f) {
        var installed = Egress.useLookupForTests(f);
        open.add(installed::close);
    }

    private SpecRun check(String probe) throws IOException {
        return SpecRun.of(
                dir,
                CHECKLIST,
                "checklist: LAUNCH.md\nchecks:\n  - item: Service reachable\n    " + probe + "\n",
                Map.of("REDIS_PASSWORD", "x"));
    }

    @Test
    void allowListAdmitsLoopbackOneAndRefusesLoopbackTwoWithoutConnecting() throws Exception {
        policy("127.0.0.1/32", "");
        HttpServer ok = http("127.0.0.1", 0, 200, null);
        CountingListener denied = listener("127.0.0.2", 0);

        SpecRun allowed =
                check("http: { url: \"http://127.0.0.1:" + ok.getAddress().getPort() + "/health\" }");
        SpecRun refused = check("http: { url: \"http://127.0.0.2:" + denied.port() + "/health\" }");

        assertThat(allowed.results().getFirst().observation().status()).isEqualTo(Status.PASS);
        var r = refused.results().getFirst().observation();
        assertThat(r.status()).isEqualTo(Status.ERROR);
        assertThat(r.summary()).isEqualTo("egress to 127.0.0.2 is not allowed on this server (golive.egress.allow)");
        assertThat(refused.json()).doesNotContain("secret-looking body");
        assertThat(denied.accepted()).isZero();
    }

    @Test
    void localhostPassesOnlyThroughItsAllowedAddress() throws Exception {
        policy("127.0.0.1/32", "");
        HttpServer ok = http("127.0.0.1", 0, 200, null);
        SpecRun run = check("http: { url: \"http://localhost:" + ok.getAddress().getPort() + "/\" }");
        assertThat(run.results().getFirst().observation().status()).isEqualTo(Status.PASS);

        lookup(h -> h.equals("localhost") ? Optional.of(List.of(addr("127.0.0.2"))) : Optional.empty());
        CountingListener denied = listener("127.0.0.2", 0);
        SpecRun elsewhere = check("http: { url: \"http://localhost:" + denied.port() + "/\" }");
        assertThat(elsewhere.results().getFirst().observation().summary()).contains("egress to 127.0.0.2");
        assertThat(denied.accepted()).isZero();
    }

    @Test
    void aRedirectToADeniedAddressIsNotFollowed() throws Exception {
        policy("127.0.0.1/32", "");
        CountingListener denied = listener("127.0.0.2", 0);
        HttpServer redirecting = http("127.0.0.1", 0, 302, "http://127.0.0.2:" + denied.port() + "/");
        SpecRun run = check(
                "http: { url: \"http://127.0.0.1:" + redirecting.getAddress().getPort() + "/\", expectStatus: [200] }");
        assertThat(run.results().getFirst().observation().status()).isEqualTo(Status.FAIL);
        assertThat(denied.accepted()).isZero();
    }

    @Test
    void aNameResolvingToTheMetadataAddressIsAnErrorUnderTheDefaultPolicy() throws Exception {
        policy("", "");
        lookup(h -> h.equals("metadata-alias.egress.test")
                ? Optional.of(List.of(addr("169.254.169.254")))
                : Optional.empty());
        SpecRun run = check("http: { url: \"http://metadata-alias.egress.test/latest/meta-data/\" }");
        var o = run.results().getFirst().observation();
        assertThat(o.status()).isEqualTo(Status.ERROR);
        assertThat(o.summary())
                .isEqualTo("egress to 169.254.169.254 is not allowed on this server (golive.egress.allow)");
    }

    @Test
    void aNameReboundToADeniedAddressAfterTheCheckIsStillRefused() throws Exception {
        policy("127.0.0.1/32", "");
        CountingListener denied = listener("127.0.0.2", 0);
        http("127.0.0.1", denied.port(), 200, null);
        AtomicInteger lookups = new AtomicInteger();
        // first answer allowed, every later one the denied address: what a rebinding DNS server does
        lookup(h -> h.equals("flip.egress.test")
                ? Optional.of(List.of(addr(lookups.getAndIncrement() == 0 ? "127.0.0.1" : "127.0.0.2")))
                : Optional.empty());
        SpecRun run = check("http: { url: \"http://flip.egress.test:" + denied.port() + "/\" }");
        assertThat(run.results().getFirst().observation().status()).isEqualTo(Status.ERROR);
        assertThat(lookups.get()).isGreaterThanOrEqualTo(2);
        assertThat(denied.accepted()).isZero();
    }

    @Test
    void redisChecksObeyThePolicy() throws Exception {
        policy("127.0.0.1/32", "");
        CountingListener denied = listener("127.0.0.2", 0);
        try (RedisServer redis = RedisServer.start(dir)) {
            SpecRun allowed = check("redis: { url: \"redis://127.0.0.1:" + redis.port + "\" }");
            SpecRun refused = check("redis: { url: \"redis://127.0.0.2:" + denied.port() + "\" }");
            assertThat(allowed.results().getFirst().observation().status()).isEqualTo(Status.PASS);
            assertThat(refused.results().getFirst().observation().summary())
                    .isEqualTo("egress to 127.0.0.2 is not allowed on this server (golive.egress.allow)");
            assertThat(denied.accepted()).isZero();
        }
    }

    @Test
    void loadChecksObeyThePolicy() throws Exception {
        policy("127.0.0.1/32", "");
        CountingListener denied = listener("127.0.0.2", 0);
        SpecRun refused = check("load: { url: \"http://127.0.0.2:" + denied.port() + "/\", users: 2, duration: 1s }");
        var o = refused.results().getFirst().observation();
        assertThat(o.status()).isEqualTo(Status.ERROR);
        assertThat(o.summary()).contains("egress to 127.0.0.2 is not allowed on this server (golive.egress.allow)");
        assertThat(denied.accepted()).isZero();
    }

    @Test
    void tlsChecksObeyThePolicy() throws Exception {
        policy("127.0.0.1/32", "");
        CountingListener denied = listener("127.0.0.2", 0);
        SpecRun refused = check("tls: { url: \"https://127.0.0.2:" + denied.port() + "\" }");
        assertThat(refused.results().getFirst().observation().summary()).contains("egress to 127.0.0.2");
        assertThat(denied.accepted()).isZero();
    }

    private static InetAddress addr(String literal) {
        return Cidr.Literals.address(literal).orElseThrow();
    }
}
