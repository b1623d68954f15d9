package io.golive.probe.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.checklist.Op;
import io.golive.checklist.Threshold;
import io.golive.probe.Observation;
import io.golive.probe.Status;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The postgres probe against a real PostgreSQL: connecting, queries, faults, timeouts, connection reuse. */
class PostgresProbeIT {
    private final PgServers servers = PgServers.get();
    private final PgProbeRunner runner = new PgProbeRunner();
    private final String app = PgServers.url(servers.primary);

    @AfterEach
    void closePool() {
        runner.close();
    }

    private String check(String more) {
        return "{url: \"" + app + "\", password: \"" + PgFixture.APP_PASSWORD + "\"" + more + "}";
    }

    private static Threshold threshold(Op op, double value) {
        return new Threshold(Optional.empty(), op, value, Optional.empty(), op.symbol() + " " + value);
    }

    @Test
    void connectingWithTheRightPasswordPassesAndNamesTheVersion() {
        Observation o = runner.run(check(""));
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.summary()).startsWith("connected: PostgreSQL 14.").endsWith(" without TLS");
        assertThat(o.measurements()).containsEntry("connectionsOpened", 1);
        assertThat(o.evidence())
                .containsEntry("server", app)
                .containsEntry("connection", "new connection #1 (1 opened to this server)");
    }

    @Test
    void aWrongPasswordIsAnErrorThatNeverShowsThePassword() {
        Observation o = runner.run("{url: \"" + app + "\", password: \"not-the-Pa55word\"}");
        assertThat(o.status()).isEqualTo(Status.ERROR);
        assertThat(o.summary())
                .contains("cannot connect to " + app)
                .contains("password authentication failed for user \"app\"");
        assertThat(o.toString()).doesNotContain("not-the-Pa55word").doesNotContain(PgFixture.APP_PASSWORD);
    }

    @Test
    void aPasswordWrittenInTheUrlIsUsedButNeverShown() {
        String url = app.replace("app@", "app:" + PgFixture.APP_PASSWORD + "@");
        Observation o = runner.run("{url: \"" + url + "\", query: \"SELECT current_user\"}");
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.toString()).doesNotContain(PgFixture.APP_PASSWORD).contains(app);
    }

    @Test
    void aPortNothingListensOnIsConnectionRefused() throws IOException {
        int port = PgFixture.freePort();
        Observation o = runner.run("{url: \"postgresql://app@127.0.0.1:" + port + "/postgres\", password: x}");
        assertThat(o.status()).isEqualTo(Status.ERROR);
        assertThat(o.summary()).contains("127.0.0.1:" + port).contains("connection refused");
    }

    @Test
    void aQueryWithASyntaxErrorShowsTheServersMessage() {
        Observation o = runner.run(check(", query: \"SELEC 1\""));
        assertThat(o.status()).isEqualTo(Status.ERROR);
        assertThat(o.summary()).contains("syntax error at or near \"SELEC\"").contains("42601");
    }

    @Test
    void everyRowMustMeetTheThreshold() {
        String query = ", query: \"SELECT total FROM orders WHERE id <= 5 ORDER BY id\"";
        Observation pass = runner.run(check(query), threshold(Op.GT, 0));
        assertThat(pass.status()).isEqualTo(Status.PASS);
        assertThat(pass.summary()).isEqualTo("all 5 rows > 0");
        assertThat(pass.measurements())
                .containsEntry("rows", 5)
                .containsEntry("min", 2L)
                .containsEntry("max", 6L);

        Observation fail = runner.run(check(query), threshold(Op.LT, 4));
        assertThat(fail.status()).isEqualTo(Status.FAIL);
        assertThat(fail.summary()).isEqualTo("3 of 5 rows not < 4: row 3 = 4, row 4 = 5, row 5 = 6");
        assertThat(fail.evidence()).containsEntry("query", "SELECT total FROM orders WHERE id <= 5 ORDER BY id");
    }

    @Test
    void expectIsWrittenInTheThresholdGrammar() {
        Observation pass = runner.run(check(", query: \"SELECT count(*) FROM orders\", expect: \">= 50000\""));
        assertThat(pass.status()).isEqualTo(Status.PASS);
        assertThat(pass.summary()).isEqualTo("50000 >= 50000");
        assertThat(pass.evidence()).containsEntry("expect", ">= 50000");
        Observation fail = runner.run(check(", query: \"SELECT interval '12 minutes'\", expect: \"< 10 minutes\""));
        assertThat(fail.status()).isEqualTo(Status.FAIL);
        assertThat(fail.summary()).isEqualTo("not < 10min: row 1 = 12");
    }

    @Test
    void aQueryThatReturnsNoRowsIsNoDataNeverAPass() {
        Observation o = runner.run(check(", query: \"SELECT total FROM orders WHERE id < 0\""), threshold(Op.GT, 0));
        assertThat(o.status()).isEqualTo(Status.ERROR);
        assertThat(o.summary()).isEqualTo("no data: the query returned no rows");
    }

    @Test
    void aNullValueIsNoData() {
        Observation o = runner.run(check(", query: \"SELECT NULL::int\""), threshold(Op.GT, 0));
        assertThat(o.status()).isEqualTo(Status.ERROR);
        assertThat(o.summary()).isEqualTo("no data: row 1 is NULL");
    }

    @Test
    void intervalsAreComparedInTheThresholdsUnit() {
        Threshold underTenMinutes = new Threshold(Optional.empty(), Op.LT, 10, Optional.of("min"), "< 10min");
        Observation o = runner.run(check(", query: \"SELECT interval '5 minutes 30 seconds'\""), underTenMinutes);
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.measurements()).containsEntry("value", 5.5);
    }

    @Test
    void theProbeCannotChangeTheDatabase() {
        Observation o = runner.run(check(", query: \"CREATE TABLE golive_was_here (i int)\""));
        assertThat(o.status()).isEqualTo(Status.ERROR);
        assertThat(o.summary()).contains("read-only transaction");
    }

    @Test
    void checksOfOneRunShareOneConnection() {
        for (int i = 0; i < 5; i++) {
            Observation o = runner.run(check(", query: \"SELECT " + i + "\""));
            assertThat(o.status()).isEqualTo(Status.PASS);
            assertThat(o.measurements()).containsEntry("connectionsOpened", 1);
        }
        Observation last = runner.run(check(""));
        assertThat(last.evidence()).containsEntry("connection", "reused connection #1 (1 opened to this server)");
    }

    @Test
    void aStatementErrorDoesNotCostTheConnection() {
        runner.run(check(", query: \"SELECT 1/0\""));
        Observation o = runner.run(check(""));
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.measurements()).containsEntry("connectionsOpened", 1);
    }
}
