package io.golive.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Two servers on one PostgreSQL database: each scheduled evaluation runs once, on one of them. */
class ReplicaScheduleIT {
    @Test
    void eachScheduledRunHappensOnceAcrossReplicas() throws InterruptedException {
        String url = Postgres.url(Postgres.freshDatabase());
        Map<String, String> fast = Map.of("golive.schedule.poll", "100ms");
        try (TestServer one = TestServer.jdbc(url, "postgres", "", fast);
                TestServer two = TestServer.jdbc(url, "postgres", "", fast)) {
            String spec = "name: scheduled\nchecklist: LAUNCH.md\nschedule: every 1s\nchecks:\n"
                    + "  - item: runbook\n    fake: {result: PASS}\n";
            Api.Response created = one.api(one.token("ed", "editor"))
                    .post("/api/launches", Api.launch(spec, "LAUNCH.md", ApiContractIT.CHECKLIST));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            long id = created.json().get("id").asLong();
            long start = System.currentTimeMillis();
            Thread.sleep(6_000);
            long elapsed = System.currentTimeMillis() - start;
            List<Map<String, Object>> runs = one.jdbc()
                    .sql("SELECT scheduled_for, instance, status FROM evaluations WHERE launch_id = ? AND"
                            + " trigger_kind = 'schedule' ORDER BY scheduled_for")
                    .param(id)
                    .query()
                    .listOfRows();
            long distinctSlots =
                    runs.stream().map(r -> r.get("scheduled_for")).distinct().count();
            assertThat(distinctSlots).isEqualTo(runs.size());
            // one run a second at most, none missed for long: about elapsed/1s runs, never twice that
            assertThat(runs.size()).isBetween(3, (int) (elapsed / 1000) + 1);
            assertThat(runs).allMatch(r -> !"FAILED".equals(r.get("status")));
            Api.Response audit = two.api(two.token("v", "viewer")).get("/api/launches/" + id + "/audit");
            assertThat(audit.json().get("verified").asBoolean()).isTrue();
        }
    }
}
