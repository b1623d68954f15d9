package io.golive.probe.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostgresConfigTest {
    private static PostgresConfig config(String yaml) {
        return PgProbeRunner.config(yaml);
    }

    @Test
    void aUrlAloneIsValidAndExplainDefaultsToRequiringAnIndex() {
        PostgresConfig c = config("{url: \"postgresql://app@db:5432/app\", explain: \"SELECT 1\"}");
        assertThat(c.validate()).isEmpty();
        assertThat(c.expectIndexScan()).isTrue();
    }

    @Test
    void everyProblemIsReported() {
        PostgresConfig c = config("""
                {url: "mysql://db", target: db, expect: "> 1", migrations: rails, minVersion: "2",
                 expectIndexScan: true, replicas: -1, maxLag: soon, archiveMaxAge: "15 minutes",
                 poolHeadroom: "120%", historyTable: "x; DROP TABLE y"}
                """);
        assertThat(c.validate())
                .contains(
                        "give either url or target",
                        "a PostgreSQL URL starts with postgresql:// or jdbc:postgresql:// (got 'mysql')",
                        "expect needs a query",
                        "migrations must be flyway or liquibase",
                        "historyTable must be a table name, optionally with its schema (public.flyway_history)",
                        "expectIndexScan needs explain: a statement to EXPLAIN",
                        "replicas must be 0 or more",
                        "bad duration 'soon' (write it like 500ms, 10s, 5m, 4h or 7d)",
                        "bad duration '15 minutes' (write it like 500ms, 10s, 5m, 4h or 7d)",
                        "poolHeadroom cannot be more than 100%");
    }

    @Test
    void lagLimitsNeedAReplicaCount() {
        assertThat(config("{target: db, maxLagBytes: 1024}").validate())
                .containsExactly("maxLagBytes and maxLag need replicas: the least number of replicas");
    }

    @Test
    void headroomIsAShareOrACount() {
        PostgresConfig share = config("{target: db, poolHeadroom: 20%}");
        assertThat(share.headroomIsShare()).isTrue();
        assertThat(share.headroomValue()).isEqualTo(20);
        PostgresConfig count = config("{target: db, poolHeadroom: 10}");
        assertThat(count.headroomIsShare()).isFalse();
        assertThat(config("{target: db, poolHeadroom: plenty}").validate()).hasSize(1);
    }

    @Test
    void theConfigNeverPrintsItsPassword() {
        assertThat(config("{target: db, password: hunter2}").toString()).doesNotContain("hunter2");
    }
}
