package io.golive.server.rollout;

import io.golive.server.Api;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A {@code golive serve} in a process of its own on a PostgreSQL URL, to be killed as a replica dies. */
final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final int port;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts a server and waits until its health answers. */
    static ServerProcess start(String jdbcUrl, Path log, Map<String, String> env) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ProcessBuilder pb = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "io.golive.cli.Main",
                        "serve",
                        "--port",
                        Integer.toString(port),
                        "--db",
                        jdbcUrl))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("GOLIVE_API_RATE_LIMIT", "0");
        pb.environment().put("GOLIVE_ADMIN_PASSWORD", "not-used-in-this-test");
        pb.environment().putAll(env);
        ServerProcess p = new ServerProcess(pb.start(), port);
        Api health = new Api(p.base(), null);
        for (int i = 0; i < 900; i++) {
            try {
                if (health.get("/actuator/health").status() == 200) {
                    return p;
                }
            } catch (RuntimeException e) {
                // not listening yet
            }
            if (!p.process.isAlive()) {
                throw new AssertionError("server exited with " + p.process.exitValue() + "; see " + log);
            }
            Thread.sleep(100);
        }
        p.close();
        throw new AssertionError("server did not start within 90 s; see " + log);
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    Api api(String token) {
        return new Api(base(), token);
    }

    /** SIGKILL: the replica dies without a word, holding whatever it held. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new AssertionError("the server did not die");
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
