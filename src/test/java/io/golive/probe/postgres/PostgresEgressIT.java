package io.golive.probe.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.egress.CountingListener;
import io.golive.egress.Egress;
import io.golive.egress.EgressPolicy;
import io.golive.probe.SpecRun;
import io.golive.probe.Status;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** postgres checks under an egress policy: the real server on 127.0.0.1 is reached, 127.0.0.2 never. */
class PostgresEgressIT {
    private static final String CHECKLIST = "# Launch\n## Data\n- [ ] Database reachable\n";
    private final PgServers servers = PgServers.get();

    @TempDir
    Path dir;

    private SpecRun check(String url) throws IOException {
        return SpecRun.of(
                dir,
                CHECKLIST,
                "checklist: LAUNCH.md\nchecks:\n  - item: Database reachable\n    postgres: { url: \"" + url
                        + "\", password: \"${PG_PASSWORD}\" }\n",
                Map.of("PG_PASSWORD", PgFixture.APP_PASSWORD));
    }

    @Test
    void anAllowedServerIsReachedAndADeniedOneSeesNoConnection() throws Exception {
        InetAddress two = InetAddress.getByAddress(new byte[] {127, 0, 0, 2});
        try (CountingListener standIn = new CountingListener("127.0.0.2", 0);
                var lookup = Egress.useLookupForTests(
                        h -> h.equals("db.egress.test") ? Optional.of(List.of(two)) : Optional.empty());
                var policy = Egress.install(EgressPolicy.of("127.0.0.1/32", "", "golive.egress.allow"), Set.of())) {
            SpecRun allowed = check(PgServers.url(servers.plain));
            SpecRun literal = check("postgresql://app@127.0.0.2:" + standIn.port() + "/postgres");
            SpecRun named = check("postgresql://app@db.egress.test:" + standIn.port() + "/postgres");

            assertThat(allowed.results().getFirst().observation().status())
                    .as(allowed.results().getFirst().observation().summary())
                    .isEqualTo(Status.PASS);
            for (SpecRun refused : List.of(literal, named)) {
                var o = refused.results().getFirst().observation();
                assertThat(o.status()).isEqualTo(Status.ERROR);
                assertThat(o.summary())
                        .isEqualTo("egress to 127.0.0.2 is not allowed on this server (golive.egress.allow)");
            }
            assertThat(standIn.accepted()).isZero();
        }
    }
}
