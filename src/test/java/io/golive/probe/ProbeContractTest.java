package io.golive.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.spec.Secrets;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every probe promises, whatever it checks: it returns by its deadline when the other side
 * accepts a connection and never answers, no data is never a PASS, and a secret it was given never
 * appears in what it returns. A probe's test extends this and says how to configure it.
 *
 * @param <C> the probe's configuration
 */
public abstract class ProbeContractTest<C extends ProbeConfig> {
    /** How long past its deadline a probe may take to return. */
    private static final Duration SLACK = Duration.ofMillis(1_500);

    private static final String SECRET = "s3cret-Contract-Value";

    /** The probe under test (a fresh one: its pools are closed with it, if it has any). */
    protected abstract Probe<C> probe();

    /**
     * A configuration that talks to {@code 127.0.0.1:port}, where a server accepts and stays silent;
     * empty for a probe that talks to no server (it gives {@link #beyondDeadline()} instead, if it can).
     */
    protected abstract Optional<C> silentServer(int port);

    /** A configuration whose work takes longer than any deadline (a command that sleeps), if there is one. */
    protected Optional<C> beyondDeadline() {
        return Optional.empty();
    }

    /** A configuration whose answer holds no data, when the probe can be asked such a question. */
    protected abstract Optional<C> noData();

    /**
     * A configuration that carries {@code secret} (as a password, token, header ...); empty for a probe
     * none of whose fields holds a secret.
     */
    protected abstract Optional<C> withSecret(String secret);

    protected Observation run(C config, Duration timeout) {
        ProbeContext context = new ProbeContext(
                Clock.systemUTC(),
                Clock.systemUTC().instant().plus(timeout),
                Map.of(),
                Path.of("."),
                List.of(),
                Secrets.none());
        return probe().run(config, context);
    }

    @Test
    void workBeyondTheDeadlineIsAnErrorByTheDeadline() {
        beyondDeadline().ifPresent(c -> {
            Duration timeout = Duration.ofMillis(800);
            long start = System.nanoTime();
            Observation o = run(c, timeout);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(o.status()).isEqualTo(Status.ERROR);
            assertThat(o.summary()).containsAnyOf("timed out", "timeout", "deadline");
            assertThat(took).isLessThan(timeout.plus(SLACK));
        });
    }

    @Test
    void aSilentServerIsAnErrorByTheDeadline() throws IOException {
        List<Socket> accepted = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Optional<C> config = silentServer(silent.getLocalPort());
            if (config.isEmpty()) {
                return;
            }
            Thread.ofVirtual().start(() -> acceptForever(silent, accepted));
            Duration timeout = Duration.ofMillis(800);
            long start = System.nanoTime();
            Observation o = run(config.get(), timeout);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(o.status()).isEqualTo(Status.ERROR);
            assertThat(o.summary()).containsAnyOf("timed out", "timeout");
            assertThat(took).isLessThan(timeout.plus(SLACK));
        } finally {
            synchronized (accepted) {
                for (Socket s : accepted) {
                    s.close();
                }
            }
        }
    }

    @Test
    void noDataIsNeverAPass() {
        noData().ifPresent(c -> {
            Observation o = run(c, Duration.ofSeconds(10));
            assertThat(o.status()).isNotEqualTo(Status.PASS);
            assertThat(o.summary()).isNotBlank();
        });
    }

    @Test
    void aSecretNeverAppearsInTheObservation() {
        withSecret(SECRET).ifPresent(c -> {
            Observation o = run(c, Duration.ofSeconds(10));
            assertThat(o.summary()).doesNotContain(SECRET);
            assertThat(o.measurements().toString()).doesNotContain(SECRET);
            assertThat(o.evidence().toString()).doesNotContain(SECRET);
        });
    }

    private static void acceptForever(ServerSocket server, List<Socket> accepted) {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                synchronized (accepted) {
                    accepted.add(s);
                }
            } catch (IOException e) {
                return; // the test closed the server
            }
        }
    }
}
