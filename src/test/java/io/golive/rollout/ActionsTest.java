package io.golive.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.golive.spec.Node;
import io.golive.spec.Node.ListNode;
import io.golive.spec.Node.MapNode;
import io.golive.spec.Node.ScalarNode;
import io.golive.spec.Problems;
import io.golive.spec.Secrets;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command and webhook actions against a real program and a real HTTP server on loopback. */
class ActionsTest {
    @TempDir
    Path dir;

    private HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile long delayMs;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private String url() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.createContext("/", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(ex.getRequestMethod() + " " + ex.getRequestURI() + " "
                    + ex.getRequestHeaders().getFirst("Authorization") + " " + body);
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] answer = "{\"ok\": true}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, answer.length);
            ex.getResponseBody().write(answer);
            ex.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static ScalarNode s(String v) {
        return new ScalarNode(1, v);
    }

    private static MapNode map(Map<String, Node> entries) {
        Map<String, Integer> lines = new LinkedHashMap<>();
        entries.keySet().forEach(k -> lines.put(k, 3));
        return new MapNode(2, entries, lines);
    }

    private Optional<Action> bind(ActionKind kind, Node config, Problems problems) {
        return kind.bind(config, new ActionSite("traffic", dir, Map.of(), new Secrets(List.of("s3cret"))), problems);
    }

    @Test
    void aCommandGetsTheWeightAndMustExitZero() throws Exception {
        Problems problems = new Problems("golive.yaml");
        Action a = bind(
                        new CommandActionKind(Clock.systemUTC()),
                        new ListNode(
                                1,
                                List.of(s("sh"), s("-c"), s("echo weight=$0 s3cret; test $0 -lt 60"), s("{weight}"))),
                        problems)
                .orElseThrow();

        ActionResult ok = a.run(50, Duration.ofSeconds(10));
        ActionResult failed = a.run(70, Duration.ofSeconds(10));

        assertThat(ok.ok()).isTrue();
        assertThat(ok.output()).isEqualTo("weight=50 ****");
        assertThat(failed.ok()).isFalse();
        assertThat(failed.summary()).contains("exit code 1");
        assertThat(a.describe().toString()).contains("{weight}").doesNotContain("s3cret");
    }

    @Test
    void aShellCommandLineRunsThroughSh() throws Exception {
        Action a = bind(
                        new CommandActionKind(Clock.systemUTC()),
                        map(Map.of("run", s("echo {weight} > w.txt && cat w.txt"), "shell", new ScalarNode(3, true))),
                        new Problems("g"))
                .orElseThrow();

        ActionResult r = a.run(30, Duration.ofSeconds(10));

        assertThat(r.ok()).isTrue();
        assertThat(r.output()).isEqualTo("30");
        assertThat(Files.readString(dir.resolve("w.txt")).strip()).isEqualTo("30");
    }

    @Test
    void aHungCommandIsKilledAtItsTimeout() {
        Action a = bind(
                        new CommandActionKind(Clock.systemUTC()),
                        new ListNode(1, List.of(s("sleep"), s("30"))),
                        new Problems("g"))
                .orElseThrow();
        long start = System.nanoTime();

        ActionResult r = a.run(10, Duration.ofMillis(300));

        assertThat(r.ok()).isFalse();
        assertThat(r.summary()).contains("timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aWebhookSendsTheWeightInUrlAndBodyAndNeedsA2xx() throws Exception {
        String base = url();
        Action a = bind(
                        new WebhookActionKind(WebhookAction.defaultClient()),
                        map(Map.of(
                                "url", s(base + "/flags/checkout?w={weight}"),
                                "method", s("put"),
                                "headers", map(Map.of("Authorization", s("Bearer s3cret"))),
                                "body", s("{\"percent\": {weight}}"))),
                        new Problems("g"))
                .orElseThrow();

        ActionResult ok = a.run(25, Duration.ofSeconds(5));
        status = 503;
        ActionResult refused = a.run(50, Duration.ofSeconds(5));

        assertThat(received.getFirst()).isEqualTo("PUT /flags/checkout?w=25 Bearer s3cret {\"percent\": 25}");
        assertThat(ok.ok()).isTrue();
        assertThat(ok.summary()).contains("HTTP 200");
        assertThat(refused.ok()).isFalse();
        assertThat(refused.summary()).contains("HTTP 503");
        assertThat(a.describe().toString()).contains("Bearer ****").doesNotContain("s3cret");
    }

    @Test
    void aWebhookThatDoesNotAnswerInTimeFails() throws Exception {
        String base = url();
        delayMs = 3_000;
        Action a = bind(
                        new WebhookActionKind(WebhookAction.defaultClient()),
                        map(Map.of("url", s(base + "/"))),
                        new Problems("g"))
                .orElseThrow();

        ActionResult r = a.run(10, Duration.ofMillis(300));

        assertThat(r.ok()).isFalse();
        assertThat(r.summary()).contains("no answer within 300 ms");
    }

    @Test
    void aRefusedConnectionFails() throws Exception {
        Action a = bind(
                        new WebhookActionKind(WebhookAction.defaultClient()),
                        map(Map.of("url", s("http://127.0.0.1:9/"))),
                        new Problems("g"))
                .orElseThrow();

        assertThat(a.run(10, Duration.ofSeconds(2)).ok()).isFalse();
    }

    @Test
    void badActionConfigurationIsAProblemWithItsLine() {
        Problems problems = new Problems("golive.yaml");
        Optional<Action> w = bind(
                new WebhookActionKind(WebhookAction.defaultClient()),
                map(Map.of("url", s("ftp://x"), "method", s("TRACE"), "retry", s("3"))),
                problems);
        Optional<Action> c = bind(new CommandActionKind(Clock.systemUTC()), s("./set-weight.sh"), problems);

        assertThat(w).isEmpty();
        assertThat(c).isEmpty();
        assertThat(problems.isEmpty()).isFalse();
        try {
            problems.throwIfAny();
        } catch (io.golive.InputException e) {
            assertThat(e.getMessage())
                    .contains("golive.yaml:3: traffic.webhook.url: expected an http:// or https:// URL")
                    .contains("traffic.webhook.method: expected one of GET, POST, PUT, PATCH, DELETE")
                    .contains("traffic.webhook: unknown key 'retry'")
                    .contains("golive.yaml:1: traffic.command: expected the program and its arguments as a list");
        }
    }
}
