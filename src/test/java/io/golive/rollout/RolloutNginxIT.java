package io.golive.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.golive.checklist.Checklist;
import io.golive.checklist.ChecklistImporter;
import io.golive.cli.Main;
import io.golive.probe.ProbeRegistry;
import io.golive.probe.metrics.PrometheusServer;
import io.golive.spec.LaunchSpec;
import io.golive.spec.SpecLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: a real nginx (Debian package) splits traffic between a stable and a canary backend by
 * upstream weight, rewritten by the set-weight script of docs/rollout.md; the backends count requests
 * and errors, a real Prometheus scraping every second computes the canary's error rate, and {@code
 * golive loadtest} sends the traffic. A healthy canary is promoted 10 -> 50 -> 100 and watched; one that
 * starts failing in the second hold is rolled back, nginx sends everything to stable, 100 is never set.
 */
class RolloutNginxIT {
    private static final String ERROR_RATE = "sum(rate(app_errors_total{backend=\\\"canary\\\"}[3s]))"
            + " / sum(rate(app_requests_total{backend=\\\"canary\\\"}[3s]))";
    private static final Pattern SCRIPT = Pattern.compile("## Example: nginx.*?```sh\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    static Path dir;

    private static final Map<String, AtomicLong> requests =
            Map.of("stable", new AtomicLong(), "canary", new AtomicLong());
    private static final Map<String, AtomicLong> errors =
            Map.of("stable", new AtomicLong(), "canary", new AtomicLong());
    private static volatile boolean canaryFails;
    private static HttpServer stable;
    private static HttpServer canary;
    private static HttpServer exporter;
    private static Process nginx;
    private static PrometheusServer prometheus;
    private static int nginxPort;
    private static Thread load;

    @BeforeAll
    static void start() throws Exception {
        assertThat(Path.of("/usr/sbin/nginx"))
                .as("nginx is needed: apt-get install nginx")
                .isExecutable();
        stable = backend("stable");
        canary = backend("canary");
        exporter = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        exporter.createContext("/metrics", ex -> {
            StringBuilder sb =
                    new StringBuilder("# TYPE app_requests_total counter\n# TYPE app_errors_total counter\n");
            for (String b : List.of("stable", "canary")) {
                sb.append("app_requests_total{backend=\"")
                        .append(b)
                        .append("\"} ")
                        .append(requests.get(b).get())
                        .append('\n');
                sb.append("app_errors_total{backend=\"")
                        .append(b)
                        .append("\"} ")
                        .append(errors.get(b).get())
                        .append('\n');
            }
            byte[] body = sb.toString().getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        exporter.start();
        writeScripts();
        setWeight(0); // writes the upstream; the reload fails while nginx is not running yet
        startNginx();
        prometheus = PrometheusServer.start(dir, exporter.getAddress().getPort(), "groups: []\n");
        String url = "http://127.0.0.1:" + nginxPort + "/";
        load = Thread.ofPlatform()
                .daemon()
                .start(() -> Main.run(
                        new PrintWriter(new StringWriter()),
                        new PrintWriter(new StringWriter()),
                        "loadtest",
                        url,
                        "--rate",
                        "100/s",
                        "--duration",
                        "5m"));
        Instant until = Instant.now().plusSeconds(30);
        while (requests.get("stable").get() < 200 && Instant.now().isBefore(until)) {
            Thread.sleep(100);
        }
        assertThat(requests.get("stable").get())
                .as("load through nginx to stable")
                .isGreaterThanOrEqualTo(200);
    }

    @AfterAll
    static void stop() throws Exception {
        if (load != null) {
            load.interrupt();
        }
        if (prometheus != null) {
            prometheus.close();
        }
        if (nginx != null) {
            nginx.destroy();
            if (!nginx.waitFor(5, TimeUnit.SECONDS)) {
                nginx.destroyForcibly();
            }
        }
        for (HttpServer s : new HttpServer[] {stable, canary, exporter}) {
            if (s != null) {
                s.stop(0);
            }
        }
    }

    private static HttpServer backend(String name) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        s.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        s.createContext("/", ex -> {
            requests.get(name).incrementAndGet();
            boolean fail = name.equals("canary") && canaryFails;
            if (fail) {
                errors.get(name).incrementAndGet();
            }
            byte[] body = name.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(fail ? 500 : 200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        s.start();
        return s;
    }

    /** The script of docs/rollout.md, pointed at this test's nginx and backends, and a wrapper that logs weights. */
    private static void writeScripts() throws IOException {
        Matcher m = SCRIPT.matcher(Files.readString(Path.of("docs/rollout.md")));
        assertThat(m.find()).as("the nginx example script in docs/rollout.md").isTrue();
        String script = m.group(1)
                .replace("127.0.0.1:8081", "127.0.0.1:" + stable.getAddress().getPort())
                .replace("127.0.0.1:8082", "127.0.0.1:" + canary.getAddress().getPort());
        executable(dir.resolve("set-weight.sh"), script);
        executable(dir.resolve("weight.sh"), """
                #!/bin/sh
                echo "$1" >> %1$s/weights.txt
                UPSTREAM_CONF=%1$s/upstream.conf NGINX_ARGS="-p %1$s -c %1$s/nginx.conf" exec %1$s/set-weight.sh "$1"
                """.formatted(dir));
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static void setWeight(int w) throws Exception {
        new ProcessBuilder(dir.resolve("weight.sh").toString(), Integer.toString(w))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start()
                .waitFor(10, TimeUnit.SECONDS);
    }

    private static void startNginx() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            nginxPort = s.getLocalPort();
        }
        Files.createDirectories(dir.resolve("logs"));
        Files.createDirectories(dir.resolve("tmp"));
        boolean root = "root".equals(System.getProperty("user.name"));
        Files.writeString(dir.resolve("nginx.conf"), """
                %1$s
                worker_processes 1;
                error_log %2$s/logs/error.log;
                pid %2$s/nginx.pid;
                events { worker_connections 1024; }
                http {
                  access_log off;
                  client_body_temp_path %2$s/tmp; proxy_temp_path %2$s/tmp; fastcgi_temp_path %2$s/tmp;
                  uwsgi_temp_path %2$s/tmp; scgi_temp_path %2$s/tmp;
                  include %2$s/upstream.conf;
                  server {
                    listen 127.0.0.1:%3$d;
                    location / { proxy_pass http://checkout; proxy_next_upstream off; }
                  }
                }
                """.formatted(root ? "user root;" : "", dir, nginxPort));
        nginx = new ProcessBuilder(
                        "/usr/sbin/nginx",
                        "-p",
                        dir.toString(),
                        "-c",
                        dir.resolve("nginx.conf").toString(),
                        "-g",
                        "daemon off;")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("logs/out.log").toFile())
                .start();
        Instant until = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(until)) {
            try (Socket s = new Socket("127.0.0.1", nginxPort)) {
                return;
            } catch (IOException e) {
                assertThat(nginx.isAlive())
                        .as("nginx: " + Files.readString(dir.resolve("logs/out.log")))
                        .isTrue();
                Thread.sleep(100);
            }
        }
        throw new AssertionError("nginx did not listen on " + nginxPort);
    }

    private Plan plan(Path work, String steps) throws IOException {
        Files.writeString(work.resolve("LAUNCH.md"), """
                # Shop

                ## Pre-launch
                - [x] Load test passed

                ## Rollback triggers
                - If error rate > 5%: AUTO ROLLBACK
                """);
        Path spec = Files.writeString(work.resolve("golive.yaml"), """
                name: shop
                checklist: LAUNCH.md
                rollout:
                  steps: %s
                  interval: 1s
                  traffic: { command: ["%s", "{weight}"] }
                  metrics:
                    error rate: { prometheus: { url: "%s", query: "%s", unit: ratio } }
                  triggers:
                    - when: "error rate > 1%%"
                      for: 2s
                  noData: { after: 10 }
                """.formatted(
                        steps, dir.resolve("weight.sh"), prometheus.url(), ERROR_RATE));
        ProbeRegistry registry = ProbeRegistry.load(getClass().getClassLoader());
        SpecLoader loader = new SpecLoader(registry.kinds(), Map.of());
        LaunchSpec launch = loader.load(spec);
        ChecklistImporter importer = new ChecklistImporter();
        Path md = work.resolve("LAUNCH.md");
        Checklist c = importer.parse(md.toString(), importer.readText(md));
        return new PlanReader(registry, List.of(), Clock.systemUTC())
                .read(launch, loader.section(launch, "rollout"), List.of(c));
    }

    private static Guard.Outcome run(Plan plan, Path work) {
        Clock clock = Clock.systemUTC();
        return new Guard(plan, new StateFile(work.resolve("state.json")), clock, Guard.Sleeper.of(clock), (e, s) -> {})
                .run(new Guard.Start("GO", false));
    }

    private static List<String> weights() throws IOException {
        return Files.readAllLines(dir.resolve("weights.txt"));
    }

    private static void reset() throws Exception {
        canaryFails = false;
        setWeight(0);
        Files.deleteIfExists(dir.resolve("weights.txt"));
        Thread.sleep(4_000); // the canary's old errors leave the 3 s rate window
    }

    @Test
    void aHealthyCanaryIsPromotedTenFiftyHundredAndTheWatchPasses(@TempDir Path work) throws Exception {
        reset();
        long canaryBefore = requests.get("canary").get();

        Guard.Outcome o = run(plan(work, "[10%, hold 4s, 50%, hold 4s, 100%, watch 4s]"), work);

        assertThat(o).isEqualTo(Guard.Outcome.COMPLETED);
        assertThat(weights()).containsExactly("10", "50", "100");
        assertThat(Files.readString(dir.resolve("upstream.conf")))
                .contains("down;")
                .contains("weight=100;");
        assertThat(requests.get("canary").get() - canaryBefore)
                .as("requests the canary served")
                .isGreaterThan(300);
    }

    @Test
    void aCanaryThatStartsFailingInTheSecondHoldIsRolledBackAndNginxSendsEverythingToStable(@TempDir Path work)
            throws Exception {
        reset();
        Plan plan = plan(work, "[10%, hold 4s, 50%, hold 30s, 100%]");
        CompletableFuture<Guard.Outcome> outcome = CompletableFuture.supplyAsync(() -> run(plan, work));
        Instant until = Instant.now().plusSeconds(60);
        while (!(Files.exists(dir.resolve("weights.txt")) && weights().contains("50"))
                && Instant.now().isBefore(until)) {
            Thread.sleep(100);
        }
        Thread.sleep(2_000);
        canaryFails = true;

        assertThat(outcome.get(60, TimeUnit.SECONDS)).isEqualTo(Guard.Outcome.ROLLED_BACK);
        assertThat(weights()).containsExactly("10", "50", "0");
        String upstream = Files.readString(dir.resolve("upstream.conf"));
        assertThat(upstream)
                .containsPattern(":" + stable.getAddress().getPort() + " weight=100;")
                .containsPattern(":" + canary.getAddress().getPort() + " down;");
        Thread.sleep(500); // requests already sent to the canary finish
        long canaryAfter = requests.get("canary").get();
        long stableAfter = requests.get("stable").get();
        Thread.sleep(2_000);
        assertThat(requests.get("canary").get())
                .as("requests to the canary after the rollback")
                .isEqualTo(canaryAfter);
        assertThat(requests.get("stable").get() - stableAfter)
                .as("requests to stable")
                .isGreaterThan(100);
    }
}
