package io.golive.probe.metrics;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real Prometheus (Debian's prometheus package) for a test: it scrapes the test's {@link AppMetrics}
 * every second and evaluates {@link #RULES} every second, with its data in a temporary folder.
 */
public final class PrometheusServer implements AutoCloseable {
    /** An alerting rule, a recording rule, and a rule that loads but fails at every evaluation. */
    static final String RULES = """
            groups:
              - name: app
                rules:
                  - alert: HighErrorRate
                    expr: sum(rate(http_requests_total{code=~"5.."}[5s])) / sum(rate(http_requests_total[5s])) > 0.01
                    for: 1m
                    labels: { severity: page }
                  - record: job:http_request_duration_seconds:p95
                    expr: histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket[5s])))
              - name: broken
                rules:
                  - record: broken:cpu_all_cores
                    expr: label_replace(app_cpu_usage_ratio, "core", "all", "core", ".*")
            """;

    private final LocalServer server;

    private PrometheusServer(LocalServer server) {
        this.server = server;
    }

    static PrometheusServer start(Path dir, int scrapePort) throws IOException, InterruptedException {
        return start(dir, scrapePort, RULES);
    }

    /** A Prometheus evaluating {@code rules} (the text of a rules file). */
    public static PrometheusServer start(Path dir, int scrapePort, String rules)
            throws IOException, InterruptedException {
        int port = LocalServer.freePort();
        Path work = Files.createDirectories(dir.resolve("prometheus-" + port));
        Files.writeString(work.resolve("rules.yml"), rules);
        Path config = Files.writeString(work.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files: [rules.yml]
                scrape_configs:
                  - job_name: app
                    static_configs:
                      - targets: ["127.0.0.1:%d"]
                """.formatted(scrapePort));
        return new PrometheusServer(LocalServer.start(
                "prometheus",
                port,
                work,
                List.of(
                        "/usr/bin/prometheus",
                        "--config.file=" + config,
                        "--storage.tsdb.path=" + work.resolve("data"),
                        "--web.listen-address=127.0.0.1:" + port)));
    }

    public String url() {
        return server.url();
    }

    /** Waits until the query answers with at least {@code series} series, none NaN. */
    public void awaitSeries(String query, int series) throws InterruptedException {
        String path = "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
        LocalServer.await(query + " to have " + series + " series", Duration.ofSeconds(30), () -> {
            String body = server.get(path);
            return body != null && !body.contains("\"NaN\"") && body.split("\"value\"", -1).length - 1 >= series;
        });
    }

    /** Waits until every rule has been evaluated once (no health "unknown"). */
    void awaitRulesEvaluated() throws InterruptedException {
        LocalServer.await("every rule to be evaluated", Duration.ofSeconds(30), () -> {
            String body = server.get("/api/v1/rules");
            return body != null && body.contains("\"health\"") && !body.contains("\"health\":\"unknown\"");
        });
    }

    @Override
    public void close() throws InterruptedException {
        server.close();
    }
}
