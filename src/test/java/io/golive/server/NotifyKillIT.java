package io.golive.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.notify.Sink;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A server process SIGKILLed after a decision change committed but before its notification got
 * through (the receiver was down): the restarted server delivers it, once, and a further restart sends
 * nothing again.
 */
class NotifyKillIT {
    static final String CHECKLIST = "# Shop launch\n\n## Pre-Launch\n- [ ] Health endpoint answers\n";
    static final Map<String, String> ENV =
            Map.of("GOLIVE_NOTIFY_RETRY_FIRST", "3s", "GOLIVE_NOTIFY_SWEEP", "500ms", "GOLIVE_NOTIFY_LEASE", "15s");

    @TempDir
    Path dir;

    @Test
    void aDeliveryPendingWhenTheServerIsKilledIsSentOnceAfterTheRestart() throws Exception {
        String data = dir.resolve("data").toString();
        String editor = KillDuringBurstIT.token(data, "ed", "editor");
        int port = KillDuringBurstIT.freePort();
        int hookPort = KillDuringBurstIT.freePort(); // nothing listens there until the restart
        String hookUrl = "http://127.0.0.1:" + hookPort + "/hook";
        long id;
        try (Sink health = new Sink()) {
            String spec = "name: shop\nchecklist: LAUNCH.md\nchecks:\n  - item: Health endpoint answers\n"
                    + "    http: { url: \"" + health.url("health") + "\" }\n"
                    + "notify:\n  - webhook: \"" + hookUrl + "\"\n    events: [decision]\n";
            Process first = KillDuringBurstIT.start(data, port, ENV);
            Api api = new Api("http://127.0.0.1:" + port, editor);
            try {
                Api.Response created = api.post("/api/launches", Api.launch(spec, "LAUNCH.md", CHECKLIST));
                assertThat(created.status()).as(created.body()).isEqualTo(201);
                id = created.json().get("id").asLong();
                long run = api.post("/api/launches/" + id + "/evaluations", null)
                        .json()
                        .get("evaluationId")
                        .asLong();
                await(() -> "DONE"
                        .equals(api.get("/api/launches/" + id + "/evaluations/" + run)
                                .json()
                                .get("status")
                                .asString()));
                JsonNode pending = only(api, id);
                assertThat(pending.get("outcome").asString()).isEqualTo("PENDING");
                assertThat(pending.get("event").asString()).isEqualTo("decision");
            } finally {
                first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }

            try (Sink hook = new Sink(hookPort)) {
                Process second = KillDuringBurstIT.start(data, port, ENV);
                try {
                    await(() -> hook.bodies("hook").size() == 1);
                    await(() -> "SENT".equals(only(api, id).get("outcome").asString()));
                    assertThat(hook.bodies("hook").get(0))
                            .contains("\"event\":\"decision\"")
                            .contains("\"to\":\"GO\"");
                    Thread.sleep(2000); // several sweeps
                    assertThat(hook.bodies("hook")).hasSize(1);
                } finally {
                    second.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
                Process third = KillDuringBurstIT.start(data, port, ENV);
                try {
                    Thread.sleep(2000);
                    assertThat(hook.bodies("hook"))
                            .as("sent and recorded: never again")
                            .hasSize(1);
                    JsonNode sent = only(api, id);
                    assertThat(sent.get("outcome").asString()).isEqualTo("SENT");
                    assertThat(sent.get("attempts").asInt()).isBetween(1, 2);
                } finally {
                    third.destroy();
                    third.waitFor(30, TimeUnit.SECONDS);
                }
            }
        }
    }

    private static JsonNode only(Api api, long id) {
        JsonNode list = api.get("/api/launches/" + id + "/notifications").json().get("notifications");
        assertThat(list).hasSize(1);
        return list.get(0);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + 120_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within 120 s");
            }
            Thread.sleep(100);
        }
    }
}
