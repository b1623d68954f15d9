package io.golive.probe.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.golive.InputException;
import io.golive.probe.SpecRun;
import io.golive.probe.Status;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** postgres checks in a golive.yaml, run by the engine like {@code golive check} does, against a real server. */
class PostgresSpecIT {
    private static final String CHECKLIST = """
            # Launch
            ## Database
            - [ ] Database migrations applied
            - [ ] Verify index usage on the orders lookup
            - [ ] Verify index usage on the events lookup
            - [ ] WAL archived (RPO < 15 minutes)
            - [ ] Connection pool headroom
            - [ ] Average order value (> 10)
            """;

    @TempDir
    Path dir;

    private final PgServers servers = PgServers.get();

    private String spec(String checks) {
        return "checklist: LAUNCH.md\ntargets:\n  db: { postgres: \"" + PgServers.url(servers.primary)
                + "\", password: \"${PG_PASSWORD}\" }\nchecks:\n" + checks;
    }

    @Test
    void checksBoundToItemsDecideTheLaunchAndShowNoPassword() throws Exception {
        PgFixture.sql(
                servers.primary,
                "CREATE TABLE IF NOT EXISTS wal_churn (i int)",
                "INSERT INTO wal_churn VALUES (3)",
                "SELECT pg_switch_wal()");
        PgFixture.await("a WAL segment archived", 30, () -> archived() > 0);
        SpecRun run = SpecRun.of(dir, CHECKLIST, spec("""
                  - item: Database migrations applied
                    postgres: { target: db, migrations: flyway, minVersion: "2" }
                  - item: orders lookup
                    postgres: { target: db, explain: "SELECT * FROM orders WHERE customer_id = 7" }
                  - item: events lookup
                    postgres: { target: db, explain: "SELECT * FROM events WHERE kind = 'kind-7'" }
                  - item: WAL archived
                    postgres: { target: db, archiveMaxAge: 15m }
                  - item: Connection pool headroom
                    postgres: { target: db, poolHeadroom: 20% }
                """), Map.of("PG_PASSWORD", PgFixture.APP_PASSWORD));
        assertThat(run.results())
                .extracting(r -> r.observation().status())
                .containsExactly(Status.PASS, Status.PASS, Status.FAIL, Status.PASS, Status.PASS);
        assertThat(run.evaluation().decision().name()).isEqualTo("NO_GO");
        assertThat(run.json())
                .contains("no index used: Seq Scan on events")
                .contains("\"connectionsOpened\"")
                .doesNotContain(PgFixture.APP_PASSWORD);
    }

    @Test
    void aRefusedPasswordIsAnErrorAndTheOtherChecksStillRun() throws IOException {
        SpecRun run = SpecRun.of(
                dir, CHECKLIST, spec("""
                  - item: Database migrations applied
                    postgres: { target: db, password: "${WRONG}", migrations: flyway }
                  - item: Connection pool headroom
                    postgres: { target: db, poolHeadroom: 10 }
                """), Map.of("PG_PASSWORD", PgFixture.APP_PASSWORD, "WRONG", "Wr0ng-Passw0rd"));
        assertThat(run.results().get(0).observation().status()).isEqualTo(Status.ERROR);
        assertThat(run.results().get(0).observation().summary()).contains("password authentication failed");
        assertThat(run.results().get(1).observation().status()).isEqualTo(Status.PASS);
        assertThat(run.json()).doesNotContain("Wr0ng-Passw0rd").doesNotContain(PgFixture.APP_PASSWORD);
    }

    @Test
    void aQueryWithoutExpectTakesTheItemsThreshold() throws IOException {
        SpecRun run = SpecRun.of(dir, CHECKLIST, spec("""
                  - item: Average order value
                    postgres: { target: db, query: "SELECT avg(total)::float8 FROM orders" }
                  - name: orders below a limit
                    postgres: { target: db, query: "SELECT count(*) FROM orders", expect: "< 100" }
                """), Map.of("PG_PASSWORD", PgFixture.APP_PASSWORD));
        assertThat(run.results().get(0).observation().status()).isEqualTo(Status.PASS);
        assertThat(run.results().get(0).observation().summary()).endsWith("> 10");
        assertThat(run.results().get(1).observation().status()).isEqualTo(Status.FAIL);
        assertThat(run.results().get(1).observation().summary()).isEqualTo("not < 100: row 1 = 50000");
    }

    @Test
    void badOptionsAreReportedWithTheirLine() {
        assertThatThrownBy(() -> SpecRun.of(dir, CHECKLIST, spec("""
                          - item: Database migrations applied
                            postgres: { target: db, migrations: flyaway }
                          - item: Connection pool headroom
                            postgres: { target: db, poolHeadroom: lots, colour: red }
                          - item: Average order value
                            postgres: { target: db, query: "SELECT 1", expect: "roughly fine" }
                        """), Map.of("PG_PASSWORD", "x")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("golive.yaml:6: postgres: migrations must be flyway or liquibase")
                .hasMessageContaining("golive.yaml:10: postgres: 'roughly fine' is not a threshold")
                .hasMessageContaining("unknown key 'colour' in postgres");
    }

    private long archived() {
        try {
            return PgFixture.longValue(servers.primary, "SELECT archived_count FROM pg_stat_archiver");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
