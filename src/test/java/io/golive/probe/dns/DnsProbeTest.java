package io.golive.probe.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.probe.Observation;
import io.golive.probe.ProbeContext;
import io.golive.probe.Status;
import io.golive.spec.Secrets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dns probe with the system resolver (localhost, and a name that cannot exist). */
class DnsProbeTest {
    static Observation run(DnsConfig c) {
        return new DnsProbe()
                .run(
                        c,
                        new ProbeContext(
                                Clock.systemUTC(),
                                Clock.systemUTC().instant().plusSeconds(5),
                                Map.of(),
                                Path.of("."),
                                List.of(),
                                Secrets.none()));
    }

    @Test
    void localhostResolvesToLoopback() {
        Observation o = run(new DnsConfig("localhost", List.of("127.0.0.1")));
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.measurements().get("addresses").toString()).contains("127.0.0.1");
    }

    @Test
    void anExpectedAddressThatIsNotAnsweredFails() {
        Observation o = run(new DnsConfig("localhost", List.of("10.9.8.7")));
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary()).contains("not to [10.9.8.7]");
    }

    @Test
    void anUnknownNameIsAnError() {
        Observation o = run(new DnsConfig("no-such-host.invalid", List.of()));
        assertThat(o.status()).isEqualTo(Status.ERROR);
        assertThat(o.summary()).startsWith("DNS failure").contains("no-such-host.invalid");
    }
}
