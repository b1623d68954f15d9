package io.golive.probe.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An application's /metrics endpoint, served by the test for Prometheus to scrape. Every scrape adds
 * 100 requests: 90 answered within 0.1 s, 8 within 0.25 s, 2 within 1 s (p95 = 0.19375 s by linear
 * interpolation); 1 in 2000 requests an error (0.05 %), 9 cache hits in 10, 1 crashed session in 1000
 * (99.9 % crash-free); CPU is a gauge per core, and node_exporter's idle and user seconds per second
 * of scrape interval (about 32.5 % busy); the last backup succeeded 10 minutes before the scrape.
 */
final class AppMetrics implements AutoCloseable {
    /** The p95 Prometheus computes from the histogram's buckets. */
    static final double P95 = 0.1 + 0.15 * 5 / 8;

    private final HttpServer server;
    private final AtomicLong scrapes = new AtomicLong();
    private final AtomicReference<Instant> firstScrape = new AtomicReference<>();
    private final Map<String, Double> cpu = new ConcurrentHashMap<>(Map.of("0", 0.35, "1", 0.92));

    AppMetrics() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/metrics", this::scrape);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** When Prometheus first scraped, if it has. */
    Instant firstScrape() {
        return firstScrape.get();
    }

    long scrapes() {
        return scrapes.get();
    }

    private void scrape(HttpExchange ex) throws IOException {
        long n = scrapes.incrementAndGet();
        firstScrape.compareAndSet(null, Instant.now());
        byte[] body = exposition(n).getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
        ex.sendResponseHeaders(200, body.length);
        ex.getResponseBody().write(body);
        ex.close();
    }

    private String exposition(long n) {
        StringBuilder sb = new StringBuilder();
        sb.append("# TYPE http_request_duration_seconds histogram\n");
        bucket(sb, "0.1", 90 * n);
        bucket(sb, "0.25", 98 * n);
        bucket(sb, "1", 100 * n);
        bucket(sb, "+Inf", 100 * n);
        sb.append("http_request_duration_seconds_sum ").append(12 * n).append('\n');
        sb.append("http_request_duration_seconds_count ").append(100 * n).append('\n');
        sb.append("# TYPE http_requests_total counter\n");
        sb.append("http_requests_total{code=\"200\"} ").append(1999 * n).append('\n');
        sb.append("http_requests_total{code=\"500\"} ").append(n).append('\n');
        sb.append("# TYPE cache_requests_total counter\n");
        sb.append("cache_requests_total{result=\"hit\"} ").append(9 * n).append('\n');
        sb.append("cache_requests_total{result=\"miss\"} ").append(n).append('\n');
        sb.append("# TYPE app_sessions_total counter\n");
        sb.append("app_sessions_total ").append(1000 * n).append('\n');
        sb.append("# TYPE app_sessions_crashed_total counter\n");
        sb.append("app_sessions_crashed_total ").append(n).append('\n');
        sb.append("# TYPE node_cpu_seconds_total counter\n");
        nodeCpu(sb, "0", 0.65 * n, 0.35 * n);
        nodeCpu(sb, "1", 0.70 * n, 0.30 * n);
        sb.append("# TYPE app_cpu_usage_ratio gauge\n");
        cpu.forEach((core, v) -> sb.append("app_cpu_usage_ratio{core=\"")
                .append(core)
                .append("\"} ")
                .append(v)
                .append('\n'));
        sb.append("# TYPE backup_last_success_timestamp_seconds gauge\n");
        sb.append("backup_last_success_timestamp_seconds ")
                .append(Instant.now().getEpochSecond() - 600)
                .append('\n');
        return sb.toString();
    }

    private static void nodeCpu(StringBuilder sb, String cpu, double idle, double user) {
        sb.append("node_cpu_seconds_total{cpu=\"")
                .append(cpu)
                .append("\",mode=\"idle\"} ")
                .append(idle)
                .append('\n');
        sb.append("node_cpu_seconds_total{cpu=\"")
                .append(cpu)
                .append("\",mode=\"user\"} ")
                .append(user)
                .append('\n');
    }

    private static void bucket(StringBuilder sb, String le, long count) {
        sb.append("http_request_duration_seconds_bucket{le=\"")
                .append(le)
                .append("\"} ")
                .append(count)
                .append('\n');
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
