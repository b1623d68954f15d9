package io.golive.probe.postgres;

import io.golive.probe.KeyedPool;
import io.golive.probe.ProbeContractTest;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;

/** The probe contract for postgres, against the shared test PostgreSQL. */
class PostgresContractIT extends ProbeContractTest<PostgresConfig> {
    private final PgServers servers = PgServers.get();
    private final KeyedPool<Connection> pool = new KeyedPool<>(4, Duration.ofSeconds(30), Clock.systemUTC());

    @AfterEach
    void closePool() {
        pool.close();
    }

    @Override
    protected PostgresProbe probe() {
        return new PostgresProbe(pool);
    }

    @Override
    protected Optional<PostgresConfig> silentServer(int port) {
        return Optional.of(
                PgProbeRunner.config("{url: \"postgresql://app@127.0.0.1:" + port + "/postgres\", password: x}"));
    }

    @Override
    protected Optional<PostgresConfig> noData() {
        return Optional.of(app(", query: \"SELECT 1 WHERE false\""));
    }

    @Override
    protected Optional<PostgresConfig> withSecret(String secret) {
        // Right password in one check, wrong one in another: neither may show.
        return Optional.of(PgProbeRunner.config("{url: \"" + PgServers.url(servers.primary) + "\", password: \""
                + secret + "\", query: \"SELECT 1\"}"));
    }

    private PostgresConfig app(String more) {
        return PgProbeRunner.config("{url: \"" + PgServers.url(servers.primary) + "\", password: \""
                + PgFixture.APP_PASSWORD + "\"" + more + "}");
    }
}
