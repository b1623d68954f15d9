package io.golive.server.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.probe.Observation;
import io.golive.probe.Probe;
import io.golive.probe.ProbeContext;
import io.golive.probe.Status;
import io.golive.probe.load.LoadConfig;
import io.golive.spec.Secrets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The server keeps the probes that act on its own machine off unless told otherwise. */
class ServerProbesTest {
    @Test
    @SuppressWarnings("unchecked")
    void loadIsOffLikeCommandAndFile() {
        var registry = ServerProbes.registry(getClass().getClassLoader(), false);
        Probe<LoadConfig> load = (Probe<LoadConfig>) registry.probe("load").orElseThrow();
        LoadConfig c = new LoadConfig(
                Optional.of("http://127.0.0.1:1/"),
                Optional.empty(),
                null,
                null,
                null,
                null,
                null,
                2,
                "1s",
                null,
                List.of(),
                null,
                null,
                null);
        Observation o = load.run(
                c,
                new ProbeContext(
                        Clock.systemUTC(),
                        Clock.systemUTC().instant().plusSeconds(5),
                        Map.of(),
                        Path.of("."),
                        List.of(),
                        Secrets.none()));
        assertThat(o.status()).isEqualTo(Status.ERROR);
        assertThat(o.summary()).contains("disabled on this server");
        assertThat(ServerProbes.isLocal("load")).isTrue();
        assertThat(ServerProbes.registry(getClass().getClassLoader(), true)
                        .probe("load")
                        .orElseThrow())
                .isInstanceOf(io.golive.probe.load.LoadProbe.class);
    }
}
