package io.golive.server.rollout;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a rollout acts on and reads, on loopback: a Prometheus-like query API ({@code /api/v1/query})
 * answering the error rate the test sets, and webhook sinks that record every traffic weight and
 * every rollback call.
 */
final class LoopbackWorld implements AutoCloseable {
    private static final Pattern WEIGHT = Pattern.compile("\"weight\"\\s*:\\s*(\\d+)");

    private final HttpServer http;
    private volatile double errorRate;
    private final List<Integer> weights = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger rollbacks = new AtomicInteger();
    private final AtomicInteger queries = new AtomicInteger();
    private final List<String> notices = Collections.synchronizedList(new ArrayList<>());
    private static final Pattern NOTICE =
            Pattern.compile("\"event\"\\s*:\\s*\"([^\"]+)\".*?\"id\"\\s*:\\s*\"([^\"]+)\"", Pattern.DOTALL);

    LoopbackWorld() throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        http.createContext("/api/v1/query", ex -> {
            queries.incrementAndGet();
            double now = System.currentTimeMillis() / 1000.0;
            answer(
                    ex,
                    "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":"
                            + "[{\"metric\":{\"job\":\"shop\"},\"value\":[" + now + ",\"" + errorRate + "\"]}]}}");
        });
        http.createContext("/traffic", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = WEIGHT.matcher(body);
            if (m.find()) {
                weights.add(Integer.parseInt(m.group(1)));
            }
            answer(ex, "{}");
        });
        http.createContext("/notify", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = NOTICE.matcher(body);
            notices.add(m.find() ? m.group(2) + " " + m.group(1) : body);
            answer(ex, "{}");
        });
        http.createContext("/rollback", ex -> {
            rollbacks.incrementAndGet();
            answer(ex, "{}");
        });
        http.start();
    }

    private static void answer(HttpExchange ex, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(200, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }

    String base() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    void errorRate(double r) {
        errorRate = r;
    }

    /** Every weight the traffic webhook was sent, in order. */
    List<Integer> weights() {
        synchronized (weights) {
            return List.copyOf(weights);
        }
    }

    /** Every notification the webhook got, as {@code LAUNCH-ID EVENT} ({@code 1 rollout.promoted}). */
    List<String> notices() {
        synchronized (notices) {
            return List.copyOf(notices);
        }
    }

    int rollbacks() {
        return rollbacks.get();
    }

    int queries() {
        return queries.get();
    }

    /** The checklist: one pre-launch item, and the rollback trigger on the error rate. */
    static final String CHECKLIST = """
            # Shop go-live

            ## Pre-launch
            - [ ] Runbook written

            ## Rollback triggers
            - If error rate > 1%: AUTO ROLLBACK
            """;

    /** A spec whose only check passes, rolling out by webhooks against this world. */
    String spec(String steps, String interval) {
        return """
                name: shop
                checklist: LAUNCH.md
                checks:
                  - item: runbook
                    fake: {result: PASS}
                rollout:
                  steps: %s
                  interval: %s
                  traffic: { webhook: { url: "%s/traffic", method: POST, body: '{"weight": {weight}}' } }
                  rollback: { webhook: { url: "%s/rollback", method: POST } }
                  metrics:
                    error rate: { prometheus: { url: "%s", query: "job:errors:ratio" }, unit: ratio }
                notify:
                  - webhook: "%s/notify"
                    events: [rollout]
                """.formatted(steps, interval, base(), base(), base(), base());
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
