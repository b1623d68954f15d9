package io.golive.probe.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.probe.Observation;
import io.golive.probe.Status;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 50 kubernetes checks against one API server, run at once as the engine runs a spec's checks: they
 * share one client, whose connections a counting TCP relay in front of the server sees.
 */
class KubeReuseIT {
    private static final int CHECKS = 50;

    @TempDir
    Path dir;

    @Test
    void fiftyChecksShareOneClientAndFewConnections() throws Exception {
        try (MockCluster cluster = MockCluster.start("v1.29.4");
                Relay relay = new Relay(cluster.port());
                KubeRunner runner = new KubeRunner(dir)) {
            cluster.seed(KubeObjects.namespace("pager", "Active"));
            Path kubeconfig = MockCluster.writeKubeconfig(
                    dir.resolve("relayed"), "http://127.0.0.1:" + relay.port(), MockCluster.TOKEN, "pager");
            Map<String, Object> check = Map.of("kubeconfig", kubeconfig.toString(), "namespaces", List.of("pager"));
            assertThat(runner.run(check).status()).isEqualTo(Status.PASS); // the client is made and warmed once
            int requestsBefore = cluster.requestCount();
            int connectionsBefore = relay.accepted();
            long start = System.nanoTime();
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<Observation>> runs = java.util.stream.IntStream.range(0, CHECKS)
                        .mapToObj(i -> pool.submit(() -> runner.run(check)))
                        .toList();
                for (Future<Observation> f : runs) {
                    assertThat(f.get().status()).isEqualTo(Status.PASS);
                }
            }
            Duration wall = Duration.ofNanos(System.nanoTime() - start);
            int requests = cluster.requestCount() - requestsBefore;
            int connections = relay.accepted() - connectionsBefore;
            System.out.printf(
                    "kubernetes reuse: %d checks, %d client(s), %d requests, %d new connections (%d in all), %d ms wall%n",
                    CHECKS, runner.clients().opened(), requests, connections, relay.accepted(), wall.toMillis());
            assertThat(runner.clients().opened()).isEqualTo(1);
            assertThat(requests).isEqualTo(CHECKS);
            assertThat(relay.accepted()).isLessThanOrEqualTo(10);
        }
    }

    /** A TCP relay on 127.0.0.1 that counts the connections made through it. */
    private static final class Relay implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        private final AtomicInteger accepted = new AtomicInteger();
        private final int target;

        Relay(int target) throws IOException {
            this.target = target;
            Thread.ofVirtual().start(this::acceptAll);
        }

        int port() {
            return server.getLocalPort();
        }

        int accepted() {
            return accepted.get();
        }

        private void acceptAll() {
            while (!server.isClosed()) {
                try {
                    Socket in = server.accept();
                    accepted.incrementAndGet();
                    Socket out = new Socket(InetAddress.getLoopbackAddress(), target);
                    Thread.ofVirtual().start(() -> pump(in, out));
                    Thread.ofVirtual().start(() -> pump(out, in));
                } catch (IOException e) {
                    return; // closed by the test
                }
            }
        }

        private static void pump(Socket from, Socket to) {
            try (InputStream i = from.getInputStream();
                    OutputStream o = to.getOutputStream()) {
                i.transferTo(o);
            } catch (IOException e) {
                // one side closed: the relay of this connection ends
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException e) {
                    // already closed
                }
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
