package io.golive.probe.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.probe.Observation;
import io.golive.probe.Status;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The postgres probe's operational checks against real servers: migrations, index use, WAL archiving, headroom. */
class PostgresOperationsIT {
    private final PgServers servers = PgServers.get();
    private final PgProbeRunner runner = new PgProbeRunner();

    @AfterEach
    void closePool() {
        runner.close();
    }

    private Observation run(EmbeddedPostgres pg, String more) {
        return runner.run(
                "{url: \"" + PgServers.url(pg) + "\", password: \"" + PgFixture.APP_PASSWORD + "\", " + more + "}");
    }

    private Observation run(String more) {
        return run(servers.primary, more);
    }

    @Test
    void flywayHistoryWithEveryMigrationSuccessfulPasses() {
        Observation o = run("migrations: flyway, minVersion: \"2.1\"");
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.summary()).isEqualTo("Flyway: 4 applied, none failed, latest version 2.1");
        assertThat(o.measurements())
                .containsEntry("applied", 4)
                .containsEntry("failed", 0)
                .containsEntry("latestVersion", "2.1");
    }

    @Test
    void flywayBelowTheMinimumVersionFails() {
        Observation o = run("migrations: flyway, minVersion: \"2.10\"");
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary()).isEqualTo("Flyway: latest version 2.1 is older than 2.10");
    }

    @Test
    void aFailedFlywayMigrationFailsNamingIt() {
        Observation o = run("migrations: flyway, historyTable: broken.flyway_schema_history");
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary()).isEqualTo("Flyway: 1 failed: 2 add column");
    }

    @Test
    void aMissingOrEmptyHistoryIsNoData() {
        Observation missing = run("migrations: flyway, historyTable: public.nothing_here");
        assertThat(missing.status()).isEqualTo(Status.ERROR);
        assertThat(missing.summary()).startsWith("no data: no table public.nothing_here");
        Observation empty = run("migrations: flyway, historyTable: broken.empty_history");
        assertThat(empty.status()).isEqualTo(Status.ERROR);
        assertThat(empty.summary()).isEqualTo("no data: broken.empty_history records no migration");
    }

    @Test
    void liquibaseChangelogPassesAndATagIsItsVersion() {
        Observation o = run("migrations: liquibase, minVersion: \"1.2\"");
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.summary()).isEqualTo("Liquibase: 3 applied, none failed, latest tag 1.2");
        assertThat(run("migrations: liquibase, minVersion: \"1.3\"").summary())
                .isEqualTo("Liquibase: latest tag 1.2 is older than 1.3");
    }

    @Test
    void aHeldLiquibaseLockFails() {
        Observation o = run("migrations: liquibase, historyTable: broken.databasechangelog");
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary()).startsWith("Liquibase: changelog lock held by deploy-7 (10.0.0.7) since ");
    }

    @Test
    void aQueryThatUsesAnIndexPasses() {
        Observation o = run("explain: \"SELECT * FROM orders WHERE customer_id = 42\", expectIndexScan: true");
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.summary()).contains("using orders_customer_idx on orders");
        assertThat(o.measurements()).containsEntry("indexScan", true);
        assertThat(o.evidence())
                .containsEntry("query", "EXPLAIN (FORMAT JSON) SELECT * FROM orders WHERE customer_id = 42");
    }

    @Test
    void aQueryThatScansTheWholeTableFailsNamingTheSeqScan() {
        Observation o = run("explain: \"SELECT * FROM events WHERE kind = 'kind-42'\", expectIndexScan: true");
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary()).isEqualTo("no index used: Seq Scan on events");
        assertThat(o.measurements()).containsEntry("indexScan", false).containsEntry("seqScans", 1);
    }

    @Test
    void recentlyArchivedWalPasses() throws Exception {
        switchWalAndAwaitArchive();
        Observation o = run("archiveMaxAge: 15m");
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.summary()).matches("last WAL segment archived \\d+ s ago \\(< 15m\\)");
        assertThat(o.measurements()).containsKey("archiveAgeSeconds");
        assertThat(o.toString()).doesNotContain(servers.archive.toString());
    }

    @Test
    void walArchivedLongerAgoThanTheRpoFails() throws Exception {
        switchWalAndAwaitArchive();
        Thread.sleep(1_100);
        Observation o = run("archiveMaxAge: 1s");
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary()).matches("last WAL segment archived \\d+ s ago \\(not < 1s\\)");
    }

    @Test
    void failingArchivingFailsWithTheFailedSegment() throws Exception {
        try {
            PgFixture.sql(servers.primary, "ALTER SYSTEM SET archive_command = 'false'", "SELECT pg_reload_conf()");
            long failed = PgFixture.longValue(servers.primary, "SELECT failed_count FROM pg_stat_archiver");
            PgFixture.sql(
                    servers.primary,
                    "CREATE TABLE IF NOT EXISTS wal_churn (i int)",
                    "INSERT INTO wal_churn VALUES (1)",
                    "SELECT pg_switch_wal()");
            PgFixture.await(
                    "a failed archive attempt", 30, () -> count("SELECT failed_count FROM pg_stat_archiver") > failed);
            Observation o = run("archiveMaxAge: 15m");
            assertThat(o.status()).isEqualTo(Status.FAIL);
            assertThat(o.summary()).startsWith("WAL archiving is failing: ").contains(" failed at ");
        } finally {
            PgFixture.sql(
                    servers.primary,
                    "ALTER SYSTEM SET archive_command = 'cp %p " + servers.archive + "/%f'",
                    "SELECT pg_reload_conf()");
        }
    }

    @Test
    void archivingSwitchedOffFails() {
        Observation o = run(servers.plain, "archiveMaxAge: 15m");
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary()).startsWith("WAL archiving is off (archive_mode = off)");
    }

    @Test
    void connectionHeadroomIsMeasuredAgainstMaxConnections() {
        Observation o = run("poolHeadroom: 20%");
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.measurements())
                .containsEntry("maxConnections", 40)
                .containsKeys("connectionsInUse", "headroomPct");
        Observation tight = run("poolHeadroom: 37");
        assertThat(tight.status()).isEqualTo(Status.FAIL);
        assertThat(tight.summary()).contains("connections free").contains("less than 37");
    }

    @Test
    void severalOptionsInOneCheckAreAllVerified() {
        Observation o =
                run("migrations: flyway, explain: \"SELECT * FROM events WHERE kind = 'x'\", poolHeadroom: 10%");
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary()).isEqualTo("no index used: Seq Scan on events");
        assertThat(o.measurements()).containsKeys("applied", "indexScan", "headroomPct", "connectionsOpened");
    }

    private void switchWalAndAwaitArchive() throws Exception {
        long archived = count("SELECT archived_count FROM pg_stat_archiver");
        PgFixture.sql(
                servers.primary,
                "CREATE TABLE IF NOT EXISTS wal_churn (i int)",
                "INSERT INTO wal_churn VALUES (1)",
                "SELECT pg_switch_wal()");
        PgFixture.await(
                "the WAL segment to be archived",
                30,
                () -> count("SELECT CASE WHEN last_archived_time > coalesce(last_failed_time, '-infinity')"
                                + " THEN archived_count ELSE -1 END FROM pg_stat_archiver")
                        > archived);
    }

    private long count(String query) {
        try {
            return PgFixture.longValue(servers.primary, query);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
