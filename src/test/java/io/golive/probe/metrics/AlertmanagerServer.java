package io.golive.probe.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real Alertmanager (Debian's prometheus-alertmanager package) for a test, without clustering, routing
 * to the test's {@link WebhookSink}: alerts with {@code team="payments"} go to {@code oncall}, with
 * {@code team="nowhere"} to {@code dead} (a webhook nobody listens on), the rest to {@code default};
 * {@code unused} is configured but no route names it.
 */
final class AlertmanagerServer implements AutoCloseable {
    private final LocalServer server;

    private AlertmanagerServer(LocalServer server) {
        this.server = server;
    }

    static AlertmanagerServer start(Path dir, WebhookSink sink) throws IOException, InterruptedException {
        int port = LocalServer.freePort();
        int dead = LocalServer.freePort();
        Path work = Files.createDirectories(dir.resolve("alertmanager-" + port));
        Path config = Files.writeString(work.resolve("alertmanager.yml"), """
                route:
                  receiver: default
                  group_by: [alertname, golive_test]
                  group_wait: 1s
                  group_interval: 1s
                  repeat_interval: 1h
                  routes:
                    - receiver: oncall
                      matchers: ['team="payments"']
                    - receiver: dead
                      matchers: ['team="nowhere"']
                receivers:
                  - name: default
                    webhook_configs: [{ url: "%s", send_resolved: false }]
                  - name: oncall
                    webhook_configs: [{ url: "%s", send_resolved: false }]
                  - name: dead
                    webhook_configs: [{ url: "http://127.0.0.1:%d/hook", send_resolved: false }]
                  - name: unused
                    webhook_configs: [{ url: "%s" }]
                """.formatted(
                        sink.hook("default"), sink.hook("oncall"), dead, sink.hook("unused")));
        return new AlertmanagerServer(LocalServer.start(
                "prometheus-alertmanager",
                port,
                work,
                List.of(
                        "/usr/bin/prometheus-alertmanager",
                        "--config.file=" + config,
                        "--storage.path=" + work.resolve("data"),
                        "--web.listen-address=127.0.0.1:" + port,
                        "--cluster.listen-address=")));
    }

    String url() {
        return server.url();
    }

    /** The alerts Alertmanager lists (JSON) whose labels match {@code matcher}, such as {@code a="b"}. */
    String alerts(String matcher) {
        return server.get("/api/v2/alerts?filter="
                + java.net.URLEncoder.encode(matcher, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws InterruptedException {
        server.close();
    }
}
