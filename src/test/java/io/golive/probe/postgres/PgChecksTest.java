package io.golive.probe.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.probe.Observation;
import io.golive.probe.Status;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The verdicts of the postgres checks on what the server answered, without a server. */
class PgChecksTest {
    private static final Timestamp T0 = Timestamp.from(Instant.parse("2026-11-20T10:00:00Z"));
    private static final Timestamp T1 = Timestamp.from(Instant.parse("2026-11-20T10:05:00Z"));

    private final ArchiveCheck archive = new ArchiveCheck(Duration.ofMinutes(15));

    @Test
    void versionsCompareNumerically() {
        assertThat(Versions.compare("1.10", "1.9")).isPositive();
        assertThat(Versions.compare("2", "1.9.9")).isPositive();
        assertThat(Versions.compare("2.0", "2")).isZero();
        assertThat(Versions.compare("2_1", "2.1")).isZero();
    }

    @Test
    void planNodesAreReadFromExplainJson() {
        String json = """
                [{"Plan": {"Node Type": "Bitmap Heap Scan", "Relation Name": "orders",
                  "Plans": [{"Node Type": "Bitmap Index Scan", "Index Name": "orders_customer_idx"}]}}]
                """;
        List<ExplainCheck.Node> nodes = ExplainCheck.nodes(json);
        assertThat(nodes)
                .extracting(ExplainCheck.Node::describe)
                .containsExactly("Bitmap Heap Scan on orders", "Bitmap Index Scan using orders_customer_idx on orders");
        assertThat(new ExplainCheck("x", true).judge(nodes).status()).isEqualTo(Status.PASS);
    }

    @Test
    void aPlanWithoutScansFailsWhenAnIndexIsRequired() {
        List<ExplainCheck.Node> plan = ExplainCheck.nodes("[{\"Plan\": {\"Node Type\": \"Result\"}}]");
        Observation o = new ExplainCheck("SELECT 1", true).judge(plan);
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary()).isEqualTo("no index used: plan is Result");
        assertThat(new ExplainCheck("SELECT 1", false).judge(plan).status()).isEqualTo(Status.PASS);
    }

    @Test
    void archivingThatNeverSucceededFails() {
        Observation o = archive.judge(new ArchiveCheck.Archiver("on", true, 0, null, null, 0, null, null, null));
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary()).isEqualTo("no WAL segment archived yet");
    }

    @Test
    void archivingWithoutACommandFails() {
        Observation o = archive.judge(new ArchiveCheck.Archiver("on", false, 0, null, null, 0, null, null, null));
        assertThat(o.summary()).startsWith("WAL archiving is on but archive_command is empty");
    }

    @Test
    void aFailureAfterTheLastSuccessMeansArchivingIsFailing() {
        Observation o = archive.judge(new ArchiveCheck.Archiver(
                "on", true, 7, "000000010000000000000007", T0, 3, "000000010000000000000008", T1, 60.0));
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary())
                .isEqualTo(
                        "WAL archiving is failing: 000000010000000000000008 failed at 2026-11-20T10:05:00Z (3 failures)");
    }

    @Test
    void anOldFailureFollowedBySuccessIsFine() {
        Observation o = archive.judge(new ArchiveCheck.Archiver(
                "on", true, 7, "000000010000000000000007", T1, 3, "000000010000000000000006", T0, 7_300.0));
        assertThat(o.summary()).isEqualTo("last WAL segment archived 2 h ago (not < 15m)");
        assertThat(o.measurements()).containsEntry("archiveAgeSeconds", 7_300L);
    }

    @Test
    void headroomCountsOnlyConnectionsOrdinaryUsersMayOpen() {
        Observation o = new HeadroomCheck(20, true).judge(100, 3, 80);
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary()).isEqualTo("17 of 97 connections free (17.5%), less than 20%");
        assertThat(new HeadroomCheck(17, false).judge(100, 3, 80).status()).isEqualTo(Status.PASS);
    }

    @Test
    void replicasWhoseStateIsHiddenNeedPgMonitor() {
        Observation o = new ReplicationCheck(1, Optional.empty(), Optional.empty())
                .judge(List.of(new ReplicationCheck.Replica("r1", "10.0.0.2/32", null, "", null, 0.0)));
        assertThat(o.status()).isEqualTo(Status.ERROR);
        assertThat(o.summary()).contains("pg_monitor");
    }

    @Test
    void replayLagInTimeIsChecked() {
        Observation o = new ReplicationCheck(1, Optional.empty(), Optional.of(Duration.ofSeconds(30)))
                .judge(List.of(new ReplicationCheck.Replica("r1", "10.0.0.2/32", "streaming", "async", 1024L, 45.5)));
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary()).isEqualTo("replay lag 45.5 s (more than 30s)");
    }

    @Test
    void aFailedMigrationIsReportedBeforeTheVersion() {
        MigrationsCheck flyway = new MigrationsCheck("flyway", Optional.empty(), Optional.of("3"));
        Observation o = flyway.judge(List.of(
                new MigrationsCheck.Applied("1", "1 init", false), new MigrationsCheck.Applied("2", "2 add", true)));
        assertThat(o.summary()).isEqualTo("Flyway: 1 failed: 2 add");
        assertThat(o.measurements()).containsEntry("latestVersion", "1");
    }
}
