package io.golive.server.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.cli.Main;
import io.golive.server.Api;
import io.golive.server.Postgres;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Two server processes on one PostgreSQL: the replica driving a rollout is killed with SIGKILL in a
 * hold; the other takes the lapsed lease within two intervals, re-applies the current weight, and
 * finishes the rollout without repeating a promotion, its event chain intact.
 */
class RolloutTakeoverIT {
    private static final Duration INTERVAL = Duration.ofSeconds(1);

    @Test
    void theOtherReplicaTakesOverWithinTwoIntervalsReappliesTheWeightAndRepeatsNoPromotion() throws Exception {
        String url = Postgres.url(Postgres.freshDatabase());
        // the servers' logs stay after the test, for whoever reads a failure
        Path logs = java.nio.file.Files.createDirectories(Path.of("target", "rollout-takeover-it"));
        Map<String, String> env = Map.of("GOLIVE_ROLLOUTS_POLL", "200ms", "GOLIVE_SCHEDULE_POLL", "1s");
        try (LoopbackWorld world = new LoopbackWorld();
                ServerProcess first = ServerProcess.start(url, logs.resolve("first.log"), env)) {
            String token = token(url, "ed", "editor");
            try (ServerProcess second = ServerProcess.start(url, logs.resolve("second.log"), env)) {
                Api one = first.api(token);
                Api two = second.api(token);
                String spec = world.spec("[10%, hold 2s, 50%, hold 8s, 100%]", "1s");
                Api.Response created =
                        one.post("/api/launches", Api.launch(spec, "LAUNCH.md", LoopbackWorld.CHECKLIST));
                assertThat(created.status()).as(created.body()).isEqualTo(201);
                long id = created.json().get("id").asLong();
                assertThat(one.post("/api/launches/" + id + "/evaluations", Map.of())
                                .status())
                        .isEqualTo(202);
                RolloutApiIT.await(
                        "GO",
                        Duration.ofSeconds(60),
                        () -> two.get("/api/launches/" + id)
                                .json()
                                .get("decision")
                                .asString()
                                .equals("GO"));
                Api.Response started = one.post("/api/launches/" + id + "/rollout", null);
                assertThat(started.status()).as(started.body()).isEqualTo(202);

                String path = "/api/launches/" + id + "/rollout";
                JsonNode[] seen = new JsonNode[1];
                RolloutApiIT.await(
                        "the 50% hold 3s along",
                        Duration.ofSeconds(60), () -> {
                            seen[0] = two.get(path).json();
                            return seen[0].get("weight").asInt() == 50
                                    && Duration.parse(seen[0].get("healthy").asString())
                                                    .compareTo(Duration.ofSeconds(3))
                                            >= 0;
                        });
                String killed = seen[0].get("driver").asString();
                assertThat(killed).isNotBlank();
                int eventsBefore = seen[0].get("events").size();
                first.kill();
                Instant killedAt = Instant.now();

                RolloutApiIT.await("another driver", Duration.ofSeconds(30), () -> {
                    JsonNode r = two.get(path).json();
                    return !r.get("driver").isNull()
                            && !r.get("driver").asString().equals(killed);
                });
                Duration takeover = Duration.between(killedAt, Instant.now());
                System.out.println("takeover after SIGKILL: " + takeover.toMillis() + " ms (interval "
                        + INTERVAL.toMillis() + " ms)");
                assertThat(takeover).isLessThanOrEqualTo(INTERVAL.multipliedBy(2));

                JsonNode done = null;
                Instant until = Instant.now().plusSeconds(60);
                while (Instant.now().isBefore(until)) {
                    done = two.get(path).json();
                    if (done.get("status").asString().equals("COMPLETED")) {
                        break;
                    }
                    Thread.sleep(200);
                }
                assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("COMPLETED");
                assertThat(done.get("verified").asBoolean()).isTrue();
                assertThat(world.weights()).containsExactly(10, 50, 50, 100);
                List<String> promotions = new ArrayList<>();
                List<String> after = new ArrayList<>();
                JsonNode events = done.get("events");
                for (int i = 0; i < events.size(); i++) {
                    JsonNode e = events.get(i);
                    String type = e.get("type").asString();
                    if (type.equals("weight") && !e.path("reapplied").asBoolean(false)) {
                        promotions.add(e.get("weight").asString());
                    }
                    if (i >= eventsBefore && !type.equals("reading")) {
                        after.add(type
                                + (e.path("reapplied").asBoolean(false) ? " reapplied" : "")
                                + (e.path("restart").asBoolean(false) ? " restart" : ""));
                    }
                }
                assertThat(promotions).containsExactly("10", "50", "100");
                assertThat(after).containsSubsequence("started restart", "weight reapplied", "weight", "completed");
                assertThat(events.toString()).doesNotContain("\"type\":\"stopped\"");
                // people heard of each promotion once, though two replicas drove the rollout
                RolloutApiIT.await(
                        "the completion's notice",
                        Duration.ofSeconds(30),
                        () -> world.notices().contains(id + " rollout.completed"));
                List<String> notices = world.notices();
                assertThat(notices.stream().filter(n -> n.equals(id + " rollout.promoted")))
                        .hasSize(3);
                assertThat(notices.stream().filter(n -> n.equals(id + " rollout.completed")))
                        .hasSize(1);
                JsonNode audit = two.get("/api/launches/" + id + "/audit").json();
                assertThat(audit.get("verified").asBoolean()).isTrue();
            }
        }
    }

    /** Creates a user and returns a new API token for them, through the CLI on the database. */
    private static String token(String url, String user, String role) {
        InputStream stdin = System.in;
        System.setIn(new ByteArrayInputStream("a-long-enough-password\n".getBytes(StandardCharsets.UTF_8)));
        try {
            golive("user", "add", user, "--role", role, "--password-stdin", "--db", url);
        } finally {
            System.setIn(stdin);
        }
        String[] lines = golive("token", "create", "t", "--user", user, "--db", url)
                .strip()
                .split("\n");
        return lines[lines.length - 1];
    }

    private static String golive(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        assertThat(code).as(err.toString()).isZero();
        return out.toString();
    }
}
