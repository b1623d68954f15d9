package io.golive.probe.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.probe.SpecRun;
import io.golive.probe.Status;
import io.golive.probe.tls.TestCertificates;
import io.golive.probe.tls.TestCertificates.Issued;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP-family and tls probes against a real nginx (Debian package) on a free loopback port. */
class NginxIT {
    @TempDir
    static Path dir;

    static Process nginx;
    static int port;

    @BeforeAll
    static void start() throws Exception {
        Path bin = Path.of("/usr/sbin/nginx");
        assertThat(bin)
                .as("nginx is needed for this test: apt-get install nginx")
                .exists();
        Issued ca = TestCertificates.ca();
        Issued leaf = TestCertificates.leaf(
                ca,
                "127.0.0.1",
                Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(60)));
        TestCertificates.certPem(dir.resolve("server.pem"), leaf.cert(), ca.cert());
        TestCertificates.keyPem(dir.resolve("server.key"), leaf);
        TestCertificates.certPem(dir.resolve("ca.pem"), ca.cert());
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Files.createDirectories(dir.resolve("logs"));
        boolean root = "root".equals(System.getProperty("user.name"));
        Files.writeString(dir.resolve("nginx.conf"), """
                %s
                worker_processes 1;
                error_log %s/logs/error.log;
                pid %s/nginx.pid;
                events { worker_connections 256; }
                http {
                  access_log off;
                  client_body_temp_path %s/tmp; proxy_temp_path %s/tmp; fastcgi_temp_path %s/tmp;
                  uwsgi_temp_path %s/tmp; scgi_temp_path %s/tmp;
                  limit_req_zone $binary_remote_addr zone=login:1m rate=2r/s;
                  limit_req_status 429;
                  server_tokens off;
                  server {
                    listen 127.0.0.1:%d ssl;
                    ssl_certificate %s/server.pem;
                    ssl_certificate_key %s/server.key;
                    ssl_protocols TLSv1.2 TLSv1.3;
                    location /health { return 200 "ok"; }
                    location / {
                      add_header Strict-Transport-Security "max-age=63072000" always;
                      add_header Content-Security-Policy "default-src 'self'; frame-ancestors 'none'" always;
                      add_header X-Content-Type-Options nosniff always;
                      add_header Referrer-Policy no-referrer always;
                      return 200 "home";
                    }
                    location /login { limit_req zone=login burst=2 nodelay; root %s/www; try_files /login.txt =404; }
                    location /admin { return 401; }
                  }
                }
                """.formatted(
                        root ? "user root;" : "", dir, dir, dir, dir, dir, dir, dir, port, dir, dir, dir));
        // `return` runs before limit_req in nginx's phases: the limited location serves a file.
        Files.createDirectories(dir.resolve("www"));
        Files.writeString(dir.resolve("www/login.txt"), "login");
        Files.createDirectories(dir.resolve("tmp"));
        nginx = new ProcessBuilder(
                        bin.toString(),
                        "-p",
                        dir.toString(),
                        "-c",
                        dir.resolve("nginx.conf").toString(),
                        "-g",
                        "daemon off;")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("logs/out.log").toFile())
                .start();
        waitForPort();
    }

    static void waitForPort() throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < until) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                if (!nginx.isAlive()) {
                    throw new IllegalStateException("nginx stopped: " + Files.readString(dir.resolve("logs/out.log")));
                }
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("nginx did not listen on " + port);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (nginx != null) {
            nginx.destroy();
            if (!nginx.waitFor(5, TimeUnit.SECONDS)) {
                nginx.destroyForcibly();
            }
        }
    }

    @Test
    void everyProbeJudgesRealNginx() throws IOException {
        String checklist = """
                # Launch
                ## Security
                - [ ] SSL certificates valid
                - [ ] Security headers configured
                - [ ] Rate limiting on login
                - [ ] Admin requires authentication
                - [ ] Health endpoint responding
                """;
        String spec = """
                checklist: LAUNCH.md
                targets:
                  web: { url: "https://127.0.0.1:%d", trust: ca.pem }
                checks:
                  - item: SSL certificates valid
                    tls: { target: web, minDaysValid: 30 }
                  - item: Security headers configured
                    headers: { target: web, path: / }
                  - item: Rate limiting on login
                    rateLimit: { target: web, path: /login, requests: 20, within: 2s, expectStatus: 429 }
                  - item: Admin requires authentication
                    auth: { target: web, path: /admin }
                  - item: Health endpoint responding
                    http: { target: web, path: /health, expectBody: ok }
                """.formatted(port);
        Files.copy(dir.resolve("ca.pem"), dir.resolve("run-ca.pem"));
        Path runDir = Files.createDirectories(dir.resolve("run"));
        Files.copy(dir.resolve("ca.pem"), runDir.resolve("ca.pem"));
        SpecRun r = SpecRun.of(runDir, checklist, spec, Map.of());
        for (String item : new String[] {
            "SSL certificates valid",
            "Security headers configured",
            "Rate limiting on login",
            "Admin requires authentication",
            "Health endpoint responding"
        }) {
            assertThat(r.check(item).observation().status())
                    .as(item + ": " + r.check(item).observation().summary())
                    .isEqualTo(Status.PASS);
        }
        assertThat(r.check("Rate limiting on login")
                        .observation()
                        .measurements()
                        .get("firstLimitedAt"))
                .isNotNull();
        assertThat(r.json()).contains("\"decision\" : \"GO\"");
    }
}
