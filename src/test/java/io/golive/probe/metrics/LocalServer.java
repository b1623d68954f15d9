package io.golive.probe.metrics;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A server binary of a Debian package (prometheus, prometheus-alertmanager) run by a test on a free
 * loopback port: started, awaited until its readiness endpoint answers, and stopped.
 */
class LocalServer implements AutoCloseable {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final int port;
    private final Process process;
    private final Path log;

    LocalServer(int port, Process process, Path log) {
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code command} (whose binary comes from {@code pkg}) and waits for {@code /-/ready}. */
    static LocalServer start(String pkg, int port, Path dir, List<String> command)
            throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(command.getFirst()))) {
            fail(command.getFirst() + " not found: install Debian's " + pkg + " (apt-get install " + pkg + ")");
        }
        Path log = dir.resolve("server.log");
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        LocalServer s = new LocalServer(port, p, log);
        try {
            s.awaitReady(pkg);
        } catch (AssertionError | RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The body of a GET of {@code path}, or null when the server does not answer 200. */
    String get(String path) {
        try {
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url() + path))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? r.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    /** Polls {@code condition} every 100 ms until it holds; fails the test after {@code bound}. */
    static void await(String what, Duration bound, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("waited " + bound.toSeconds() + " s for " + what);
            }
            Thread.sleep(100);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private void awaitReady(String pkg) throws IOException, InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                fail(pkg + " exited " + process.exitValue() + ": " + log());
            }
            if (get("/-/ready") != null) {
                return;
            }
            Thread.sleep(100);
        }
        fail(pkg + " was not ready on port " + port + " within 30 s: " + log());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
