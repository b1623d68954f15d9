package io.golive.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** SIGKILL during a burst of item updates and sign-offs: every answered write survives, the audit verifies. */
class KillDuringBurstIT {
    @TempDir
    Path dir;

    @Test
    void everyAnsweredWriteIsThereAfterARestart() throws Exception {
        String data = dir.resolve("data").toString();
        String editor = token(data, "ed", "editor");
        String cto = token(data, "carol", "CTO");
        int port = freePort();
        Process server = start(data, port);
        Set<String> answered = ConcurrentHashMap.newKeySet();
        long id;
        try {
            Api ed = new Api("http://127.0.0.1:" + port, editor);
            Api.Response created =
                    ed.post("/api/launches", Api.launch(ApiContractIT.spec(""), "LAUNCH.md", ApiContractIT.CHECKLIST));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            id = created.json().get("id").asLong();
            Api signer = new Api("http://127.0.0.1:" + port, cto);
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(6);
            for (int t = 0; t < 6; t++) {
                int thread = t;
                pool.submit(() -> burst(thread, id, thread % 3 == 0 ? signer : ed, answered, stop));
            }
            Thread.sleep(2500);
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            stop.set(true);
            pool.shutdown();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        } finally {
            server.destroyForcibly();
        }
        assertThat(answered).hasSizeGreaterThan(5);
        Process again = start(data, port);
        try {
            Api ed = new Api("http://127.0.0.1:" + port, editor);
            JsonNode audit = ed.get("/api/launches/" + id + "/audit").json();
            assertThat(audit.get("verified").asBoolean())
                    .as(audit.get("problem").toString())
                    .isTrue();
            String entries = audit.get("entries").toString();
            List<String> lost = answered.stream()
                    .filter(marker -> !entries.contains(marker))
                    .toList();
            assertThat(lost).as("answered 2xx but missing after restart").isEmpty();
            assertLogsAreJsonWithoutSecrets(editor, cto);
        } finally {
            again.destroy();
            again.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static void burst(int thread, long id, Api api, Set<String> answered, AtomicBoolean stop) {
        for (int n = 0; !stop.get(); n++) {
            String marker = "m-" + thread + "-" + n + "-x";
            try {
                Api.Response r = thread % 3 == 0
                        ? api.post(
                                "/api/launches/" + id + "/signoffs",
                                Map.of("role", "CTO", "verdict", "APPROVE", "comment", marker))
                        : api.patch(
                                "/api/launches/" + id + "/items?item=" + Api.q(ApiContractIT.RUNBOOK),
                                Map.of("owner", marker));
                if (r.status() / 100 == 2) {
                    answered.add(marker);
                }
            } catch (RuntimeException e) {
                // the server died mid-request: not answered, so nothing is promised
            }
        }
    }

    static String token(String data, String user, String role) {
        java.io.InputStream stdin = System.in;
        System.setIn(new java.io.ByteArrayInputStream("a-long-enough-password\n".getBytes()));
        try {
            golive("user", "add", user, "--role", role, "--password-stdin", "--data", data);
        } finally {
            System.setIn(stdin);
        }
        String[] lines = golive("token", "create", "t", "--user", user, "--data", data)
                .strip()
                .split("\n");
        return lines[lines.length - 1];
    }

    /** Runs a golive command in this JVM; returns its standard output, failing on a non-zero exit. */
    static String golive(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        assertThat(code).as(err.toString()).isZero();
        return out.toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static Process start(String data, int port) throws IOException, InterruptedException {
        return start(data, port, Map.of());
    }

    /** {@link #start(String, int)} with more environment variables ({@code GOLIVE_NOTIFY_SWEEP} ...). */
    static Process start(String data, int port, Map<String, String> env) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                "io.golive.cli.Main",
                "serve",
                "--port",
                Integer.toString(port),
                "--data",
                data));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.redirectOutput(
                Path.of(data + "-server-" + System.nanoTime() + ".log").toFile());
        pb.environment().put("GOLIVE_API_RATE_LIMIT", "0");
        pb.environment().put("GOLIVE_ADMIN_PASSWORD", "not-used-in-this-test");
        pb.environment().put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
        pb.environment().putAll(env);
        Process p = pb.start();
        Api health = new Api("http://127.0.0.1:" + port, null);
        for (int i = 0; i < 600; i++) {
            try {
                if (health.get("/actuator/health").status() == 200) {
                    return p;
                }
            } catch (RuntimeException e) {
                // not listening yet
            }
            if (!p.isAlive()) {
                throw new AssertionError("server exited with " + p.exitValue());
            }
            Thread.sleep(100);
        }
        p.destroyForcibly();
        throw new AssertionError("server did not start within 60 s");
    }

    /** The servers' logs (ECS JSON here) never carry a token. */
    private void assertLogsAreJsonWithoutSecrets(String... secrets) throws IOException {
        try (var logs = java.nio.file.Files.list(dir)) {
            for (Path log : logs.filter(p -> p.toString().endsWith(".log")).toList()) {
                String text = java.nio.file.Files.readString(log);
                assertThat(text).contains("\"log\":{\"level\":\"INFO\"");
                for (String secret : secrets) {
                    assertThat(text).doesNotContain(secret);
                }
            }
        }
    }
}
