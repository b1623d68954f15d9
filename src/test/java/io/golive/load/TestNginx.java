package io.golive.load;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real nginx (Debian package) on loopback for a test: its configuration is written into a folder
 * of its own, {@code %1$s} in it standing for the {@code user} line a root run needs, {@code %2$s} for
 * the folder (logs, pid, temporary files).
 */
final class TestNginx implements AutoCloseable {
    static final Path BIN = Path.of("/usr/sbin/nginx");

    final Path dir;
    private final Process process;

    private TestNginx(Path dir, Process process) {
        this.dir = dir;
        this.process = process;
    }

    /** Starts nginx with {@code config} (see the class) and waits until each of {@code ports} accepts. */
    static TestNginx start(Path dir, String config, int... ports) throws Exception {
        if (!Files.exists(BIN)) {
            throw new IllegalStateException("nginx is needed for this test: apt-get install nginx");
        }
        Files.createDirectories(dir.resolve("logs"));
        Files.createDirectories(dir.resolve("tmp"));
        boolean root = "root".equals(System.getProperty("user.name"));
        Files.writeString(dir.resolve("nginx.conf"), config.formatted(root ? "user root;" : "", dir));
        Process p = new ProcessBuilder(
                        BIN.toString(),
                        "-p",
                        dir.toString(),
                        "-c",
                        dir.resolve("nginx.conf").toString(),
                        "-g",
                        "daemon off;")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("logs/out.log").toFile())
                .start();
        TestNginx nginx = new TestNginx(dir, p);
        try {
            for (int port : ports) {
                nginx.awaitPort(port);
            }
        } catch (Exception e) {
            nginx.close();
            throw e;
        }
        return nginx;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private void awaitPort(int port) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < until) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("nginx stopped: " + Files.readString(dir.resolve("logs/out.log")));
                }
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("nginx did not listen on " + port);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
