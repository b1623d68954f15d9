package io.golive.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.server.store.Database;
import io.golive.server.store.DatabaseLocation;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stopping server lets evaluations finish within the grace period and records the rest as INTERRUPTED. */
class GracefulShutdownIT {
    @TempDir
    Path dir;

    @Test
    void anEvaluationStillRunningAtShutdownIsRecordedInterrupted() throws InterruptedException {
        long id;
        long evaluation;
        try (TestServer server = TestServer.h2(dir, Map.of("golive.evaluations.shutdown-grace", "300ms"))) {
            Api ed = server.api(server.token("ed", "editor"));
            String spec = "name: slow\nchecklist: LAUNCH.md\nchecks:\n  - item: runbook\n    fake: {sleep: 8s}\n"
                    + "    timeout: 30s\n";
            Api.Response created = ed.post("/api/launches", Api.launch(spec, "LAUNCH.md", ApiContractIT.CHECKLIST));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            id = created.json().get("id").asLong();
            evaluation = ed.post("/api/launches/" + id + "/evaluations", null)
                    .json()
                    .get("evaluationId")
                    .asLong();
            Thread.sleep(300);
        }
        try (Database db = Database.open(DatabaseLocation.embedded(dir))) {
            Map<String, Object> row = db.jdbc()
                    .sql("SELECT status, message FROM evaluations WHERE id = ?")
                    .param(evaluation)
                    .query()
                    .singleRow();
            assertThat(row.get("status")).isEqualTo("INTERRUPTED");
            assertThat(String.valueOf(row.get("message"))).contains("server stopped");
            assertThat(db.jdbc()
                            .sql("SELECT COUNT(*) FROM check_results WHERE evaluation_id = ?")
                            .param(evaluation)
                            .query(Long.class)
                            .single())
                    .isZero();
        }
    }
}
