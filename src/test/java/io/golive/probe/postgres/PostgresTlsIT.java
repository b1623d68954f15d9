package io.golive.probe.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.probe.Observation;
import io.golive.probe.Status;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code ssl:} against a real PostgreSQL that accepts the app user over TLS only. */
class PostgresTlsIT {
    private static EmbeddedPostgres tls;

    private final PgProbeRunner runner = new PgProbeRunner();

    @BeforeAll
    static void start() throws Exception {
        tls = PgFixture.startTls(Files.createTempDirectory("golive-pg-tls"));
        PgFixture.sql(tls, "CREATE ROLE app LOGIN PASSWORD '" + PgFixture.APP_PASSWORD + "'");
    }

    @AfterAll
    static void stop() throws Exception {
        if (tls != null) {
            tls.close();
        }
    }

    @AfterEach
    void closePool() {
        runner.close();
    }

    private Observation run(String ssl) {
        return runner.run(
                "{url: \"" + PgServers.url(tls) + "\", password: \"" + PgFixture.APP_PASSWORD + "\"" + ssl + "}");
    }

    @Test
    void requiringTlsConnectsOverTls() {
        Observation o = run(", ssl: true");
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.summary()).endsWith(" over TLS");
        assertThat(o.measurements()).containsEntry("tls", true);
    }

    @Test
    void withoutSslTheDriverUsesTlsWhenTheServerOffersIt() {
        assertThat(run("").measurements()).containsEntry("tls", true);
    }

    @Test
    void refusingTlsAgainstATlsOnlyServerIsAnErrorWithTheServersReason() {
        Observation o = run(", ssl: false");
        assertThat(o.status()).isEqualTo(Status.ERROR);
        assertThat(o.summary()).contains("no pg_hba.conf entry").contains("no encryption");
    }

    @Test
    void tlsAndPlainConnectionsAreNotShared() {
        run(", ssl: true");
        assertThat(run(", ssl: false").status()).isEqualTo(Status.ERROR);
        assertThat(run(", ssl: true").evidence().get("connection")).startsWith("reused connection #1");
    }
}
