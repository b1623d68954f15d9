package io.golive.probe.redis;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real redis-server (Debian's package) on a free loopback port, started and stopped by a test. */
public final class RedisServer implements AutoCloseable {
    private static final Path BINARY = Path.of("/usr/bin/redis-server");

    public final int port;
    private final Process process;
    private final Path log;

    private RedisServer(int port, Process process, Path log) {
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Starts redis-server with {@code --save ""} plus the given options, and waits until it answers. */
    public static RedisServer start(Path dir, String... options) throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            fail("redis-server not found: install Debian's redis-server (apt-get install redis-server)");
        }
        int port = freePort();
        Path work = Files.createDirectories(dir.resolve("redis-" + port));
        List<String> command = new ArrayList<>(List.of(
                BINARY.toString(),
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--daemonize",
                "no",
                "--save",
                "",
                "--dir",
                work.toString(),
                "--logfile",
                ""));
        command.addAll(List.of(options));
        Path log = work.resolve("stdout.log");
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        RedisServer server = new RedisServer(port, p, log);
        server.awaitReady();
        return server;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** A connection for the test's own commands. */
    RespConnection admin(String password) throws IOException {
        RespConnection c = RespConnection.open("127.0.0.1", port, false, Duration.ofSeconds(5));
        if (password != null) {
            c.call(Duration.ofSeconds(5), "AUTH", password);
        }
        return c;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** How many connections the server has accepted since it started (INFO stats), this one included. */
    public long connectionsReceived(String password) throws IOException {
        try (RespConnection c = admin(password)) {
            return RedisInfo.parse(c.text(Duration.ofSeconds(5), "INFO", "stats"))
                    .number("total_connections_received")
                    .orElseThrow();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                fail("redis-server exited " + process.exitValue() + ": " + Files.readString(log));
            }
            try {
                RespConnection.open("127.0.0.1", port, false, Duration.ofMillis(500))
                        .close();
                return;
            } catch (IOException e) {
                Thread.sleep(50); // not listening yet
            }
        }
        close();
        fail("redis-server did not listen on " + port + " within 10 s: " + Files.readString(log));
    }
}
