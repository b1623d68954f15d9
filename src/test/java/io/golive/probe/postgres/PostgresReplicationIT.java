package io.golive.probe.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.probe.Observation;
import io.golive.probe.Status;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The replicas check against a real primary with a streaming replica cloned by pg_basebackup. */
class PostgresReplicationIT {
    private static PgServers servers;
    private static EmbeddedPostgres replica;

    private final PgProbeRunner runner = new PgProbeRunner();

    @BeforeAll
    static void startReplica() throws Exception {
        servers = PgServers.get();
        Path dir = Files.createTempDirectory("golive-pg-replica");
        replica = PgFixture.replicaOf(servers.primary, dir);
        PgFixture.await("the replica to stream", 30, () -> streaming() == 1);
    }

    @AfterAll
    static void stopReplica() throws Exception {
        if (replica != null) {
            replica.close();
        }
    }

    @AfterEach
    void closePool() {
        runner.close();
    }

    private Observation run(EmbeddedPostgres pg, String more) {
        return runner.run(
                "{url: \"" + PgServers.url(pg) + "\", password: \"" + PgFixture.APP_PASSWORD + "\", " + more + "}");
    }

    @Test
    void aStreamingReplicaIsCounted() {
        Observation o = run(servers.primary, "replicas: 1, maxLag: 30s");
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.summary()).isEqualTo("1 streaming replica (need 1)");
        assertThat(o.measurements()).containsEntry("replicas", 1).containsKeys("maxLagBytes", "maxLagSeconds");
        assertThat(o.evidence().get("replicas")).startsWith("golive-replica 127.0.0.1/32 streaming async lag ");
    }

    @Test
    void fewerReplicasThanRequiredFails() {
        Observation o = run(servers.primary, "replicas: 2");
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary()).isEqualTo("1 streaming replica (need 2)");
    }

    @Test
    void aServerWithoutReplicasFails() {
        Observation o = run(servers.plain, "replicas: 1");
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary()).isEqualTo("0 streaming replicas (need 1)");
        assertThat(o.evidence()).containsEntry("replicas", "none");
    }

    @Test
    void aReplicaThatStoppedReplayingFailsTheLagLimit() throws Exception {
        try {
            PgFixture.sql(replica, "SELECT pg_wal_replay_pause()");
            PgFixture.sql(
                    servers.primary,
                    "CREATE TABLE IF NOT EXISTS wal_churn (i int)",
                    "INSERT INTO wal_churn VALUES (2)");
            PgFixture.await("replay lag on the primary", 30, () -> lagBytes() > 0);
            Observation o = run(servers.primary, "replicas: 1, maxLagBytes: 0");
            assertThat(o.status()).isEqualTo(Status.FAIL);
            assertThat(o.summary()).matches("replay lag \\d+ B \\(more than 0 B\\)");
        } finally {
            PgFixture.sql(replica, "SELECT pg_wal_replay_resume()");
        }
    }

    @Test
    void pointingTheCheckAtAStandbyIsAnError() {
        Observation o = run(replica, "replicas: 1");
        assertThat(o.status()).isEqualTo(Status.ERROR);
        assertThat(o.summary()).isEqualTo("this server is a standby: point the replicas check at the primary");
    }

    private static long streaming() {
        return value("SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'");
    }

    private static long lagBytes() {
        return value("SELECT coalesce(max(pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)), 0)::bigint"
                + " FROM pg_stat_replication");
    }

    private static long value(String query) {
        try {
            return PgFixture.longValue(servers.primary, query);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
